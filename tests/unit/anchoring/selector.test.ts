import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, selectorFor } from "@/lib/anchoring";

const text = "0123456789".repeat(10);

describe("selectorFor", () => {
  it.each([
    // [start, end, prefix, suffix]
    [40, 45, text.slice(8, 40), text.slice(45, 77)],
    [0, 3, "", text.slice(3, 35)],
    [10, 12, text.slice(0, 10), text.slice(12, 44)],
    [95, 100, text.slice(63, 95), ""],
    [50, 50, text.slice(18, 50), text.slice(50, 82)],
  ])("range %i..%i", (start, end, prefix, suffix) => {
    expect(selectorFor(text, start, end)).toEqual({ start, end, quote: text.slice(start, end), prefix, suffix });
  });

  it("keeps 32 characters of context", () => {
    expect(CONTEXT_LENGTH).toBe(32);
  });

  it("never cuts a surrogate pair at a context edge", () => {
    const emoji = "😀";
    // The prefix window would begin in the middle of the emoji; the suffix window would end in it.
    const s = "a" + emoji + "b".repeat(31) + "QUOTE" + "c".repeat(31) + emoji + "d";
    const start = s.indexOf("QUOTE");
    const selector = selectorFor(s, start, start + 5);
    expect(selector.prefix).toBe("b".repeat(31));
    expect(selector.suffix).toBe("c".repeat(31));
    expect(encodeURIComponent(selector.prefix + selector.suffix)).toBeTruthy();
  });

  it("keeps a whole astral character that fits", () => {
    const s = "x".repeat(40) + "𝔸" + "10 пайыз" + "😀" + "y".repeat(40);
    const start = s.indexOf("10");
    const selector = selectorFor(s, start, start + 8);
    expect(selector.prefix.endsWith("𝔸")).toBe(true);
    expect(selector.suffix.startsWith("😀")).toBe(true);
    expect(selector.prefix).toHaveLength(32);
  });

  it.each([
    [-1, 2],
    [5, 4],
    [0, 101],
  ])("rejects the impossible range %i..%i", (start, end) => {
    expect(() => selectorFor(text, start, end)).toThrow(RangeError);
  });
});
