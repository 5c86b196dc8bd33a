import { describe, expect, it } from "vitest";
import { anchoredSimilarity, prefixSimilarity, suffixSimilarity } from "@/lib/anchoring/context-similarity";
import { sameNumbers } from "@/lib/anchoring/numbers";

const ctx = "сайлауы күні жасалған актілер, х"; // 32 characters

describe("anchoredSimilarity", () => {
  it.each([
    ["identical", ctx, ctx, 1],
    ["identical, more text beyond the window", ctx, ctx + "ттамалар", 1],
    ["one word inserted next to the quote", ctx, "жаңа " + ctx, 1 - 5 / 32],
    ["first two characters deleted", ctx, ctx.slice(2), 1 - 2 / 32],
    ["one character changed", ctx, "С" + ctx.slice(1), 1 - 1 / 32],
    ["text ends: nothing to compare", ctx, "", 0],
    ["no stored context and text ends too", "", "", 1],
    ["no stored context but text goes on", "", "бірдеңе", 0],
  ])("%s", (_, expected, actual, similarity) => {
    expect(anchoredSimilarity(expected, actual)).toBeCloseTo(similarity, 10);
  });

  it("scores unrelated text low", () => {
    expect(anchoredSimilarity(ctx, "Әрине, бір күн, бір аптаның ішінде бәрін")).toBeLessThan(0.4);
  });

  it("reads the prefix backwards from the quote and the suffix forwards", () => {
    const text = "бір екі [QUOTE] үш төрт";
    const start = text.indexOf("[");
    const end = text.indexOf("]") + 1;
    expect(prefixSimilarity("бір екі ", text, start)).toBe(1);
    expect(suffixSimilarity(" үш төрт", text, end)).toBe(1);
    expect(prefixSimilarity("екі бір ", text, start)).toBeLessThan(0.8);
  });
});

describe("sameNumbers", () => {
  it.each([
    ["70 пайыз", "70 пайызы", true],
    ["төрт мыңға жуық", "төрт мыңнан астам", true],
    ["70 пайыз", "75 пайыз", false],
    ["70 пайыз", "70,2 пайыз", false],
    ["9-ы күні", "19-ы күні", false],
    ["2019 жыл", "жыл 2019", true],
    ["١٠ адам", "10 адам", false],
  ])("%j vs %j → %s", (a, b, same) => {
    expect(sameNumbers(a, b)).toBe(same);
  });
});
