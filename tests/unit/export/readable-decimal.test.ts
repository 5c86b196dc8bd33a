import { describe, expect, it } from "vitest";
import { readableDecimal } from "@/lib/export/readable-decimal";

describe("readableDecimal", () => {
  it.each([
    ["4000.000000", "4000"],
    ["63.300000", "63.3"],
    ["0.100000", "0.1"],
    ["-3.500000", "-3.5"],
    ["0.000000", "0"],
    ["100.000000", "100"],
    ["0.000001", "0.000001"],
    ["12345678901234567.500000", "12345678901234567.5"],
    ["999999999999999999.999999", "999999999999999999.999999"],
    ["-0.250000", "-0.25"],
  ])("writes %s as %s", (stored, readable) => {
    expect(readableDecimal(stored)).toBe(readable);
  });

  it("leaves whole numbers without a point alone, zeros included", () => {
    expect(readableDecimal("4000")).toBe("4000");
    expect(readableDecimal("0")).toBe("0");
  });

  it("never goes through a float: no rounding, no exponent", () => {
    expect(readableDecimal("0.000010")).toBe("0.00001");
    expect(Number("0.00001").toString()).toBe("0.00001");
    expect(readableDecimal("100000000000000000000.000000")).toBe("100000000000000000000");
    expect(readableDecimal("0.000000100")).toBe("0.0000001");
  });

  it("keeps null", () => {
    expect(readableDecimal(null)).toBeNull();
  });
});
