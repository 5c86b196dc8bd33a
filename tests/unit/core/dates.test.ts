import { describe, expect, it } from "vitest";
import { dateOnly, dateOnlyOrNull, isCalendarDate, parseDateOnly } from "@/lib/core/dates";

describe("date-only values", () => {
  it("write an instant's UTC day, whatever the hour", () => {
    expect(dateOnly(new Date("2026-03-05T23:59:59.999Z"))).toBe("2026-03-05");
    expect(dateOnly(new Date("2026-03-06T04:30:00+05:00"))).toBe("2026-03-05");
    expect(dateOnlyOrNull(null)).toBeNull();
    expect(dateOnlyOrNull(undefined)).toBeNull();
  });

  it("read a day as midnight UTC, and back to the same day", () => {
    expect(parseDateOnly("2024-02-29").toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(dateOnly(parseDateOnly("1999-12-31"))).toBe("1999-12-31");
  });

  it("accept only days that exist, written as YYYY-MM-DD", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    for (const value of ["2023-02-29", "2024-02-30", "2024-13-01", "2024-2-3", "05.03.2026", "2024-02-29T00:00", ""]) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });
});
