import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/core/ids";
import { uuidV7 } from "@/lib/db/uuid-v7";

describe("uuidV7", () => {
  it("is a version 7, RFC 9562 variant uuid carrying the time it was made", () => {
    const at = Date.UTC(2026, 11, 3, 10, 0, 0, 123);
    const id = uuidV7(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect("89ab").toContain(id[19]);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by the time it was made, and is never the same twice", () => {
    const earlier = uuidV7(1_000);
    const later = uuidV7(2_000);
    expect(earlier < later).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => uuidV7(5_000))).size).toBe(1000);
  });
});
