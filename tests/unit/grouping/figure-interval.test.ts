import { describe, expect, it } from "vitest";
import {
  compatible,
  figureInterval,
  figureUnit,
  formatInterval,
  magnitudeRatio,
  overlaps,
  unitsAgree,
  type FigureFields,
  type FigureQualifier,
} from "@/lib/grouping/figure-interval";

const figure = (qualifier: FigureQualifier, value: FigureFields["value"], extra: Partial<FigureFields> = {}): FigureFields => ({
  qualifier,
  value,
  min: null,
  max: null,
  ...extra,
});

const stated = (f: FigureFields) => {
  const interval = figureInterval(f);
  return interval && formatInterval(interval.stated);
};
const plausible = (f: FigureFields) => {
  const interval = figureInterval(f);
  return interval && formatInterval(interval.plausible);
};

describe("a figure as an interval", () => {
  it.each<[string, FigureFields, string | null]>([
    ["exact", figure("EXACT", "361"), "[361, 361]"],
    ["approximately: a tenth either side", figure("APPROXIMATELY", "45"), "[40.5, 49.5]"],
    ["at least", figure("AT_LEAST", 10), "[10, ∞)"],
    ["more than", figure("MORE_THAN", "1000"), "(1000, ∞)"],
    ["less than", figure("LESS_THAN", "5"), "(−∞, 5)"],
    ["up to", figure("UP_TO", "100"), "(−∞, 100]"],
    ["vague with nothing read from it", figure("VAGUE", null), null],
    ["vague with bounds (мыңдаған)", figure("VAGUE", null, { min: "2000", max: "9999" }), "[2000, 9999]"],
    ["vague with a lower bound only", figure("VAGUE", null, { min: "2" }), "[2, ∞)"],
    ["no figure at all (a date)", figure("EXACT", null), null],
    ["a range typed as min and max", figure("APPROXIMATELY", null, { min: "25", max: "30" }), "[25, 30]"],
    ["negative approximately keeps lo below hi", figure("APPROXIMATELY", "-10"), "[-11, -9]"],
  ])("%s", (_name, f, expected) => {
    expect(stated(f)).toBe(expected);
  });

  it("lets explicit bounds win: 'төрт мыңға жуық' (nearly 4000) is stored with max 4000", () => {
    expect(stated(figure("APPROXIMATELY", "4000", { max: "4000" }))).toBe("[3600, 4000]");
    expect(stated(figure("MORE_THAN", "1000", { max: "2000" }))).toBe("(1000, 2000]");
  });

  it("keeps the qualifier's openness when the stored bound is the value itself", () => {
    // The extractor stores "мыңнан астам" as value 1000, min 1000: 1000 is still not "more than 1000".
    expect(stated(figure("MORE_THAN", "1000", { min: "1000" }))).toBe("(1000, ∞)");
    expect(stated(figure("LESS_THAN", "5", { max: "5" }))).toBe("(−∞, 5)");
  });

  it("reads Decimal(24,6) text and a decimal comma", () => {
    expect(stated(figure("EXACT", "70.000000"))).toBe("[70, 70]");
    expect(stated(figure("EXACT", "63,3"))).toBe("[63.3, 63.3]");
    expect(stated(figure("EXACT", { toString: () => "12.5" }))).toBe("[12.5, 12.5]");
  });

  it("refuses bounds the wrong way round rather than invent a figure", () => {
    expect(figureInterval(figure("VAGUE", null, { min: "10", max: "5" }))).toBeNull();
  });
});

describe("rounding slack of an exact figure", () => {
  const exact = (value: string, unit: string | null = null) => figureInterval({ ...figure("EXACT", value), unit });

  it("is half a unit of the last written digit either side for counts", () => {
    expect(plausible(figure("EXACT", "2"))).toBe("[1.5, 2.5)");
    expect(plausible(figure("EXACT", "361"))).toBe("[360.5, 361.5)");
    expect(plausible(figure("EXACT", "12.5"))).toBe("[12.45, 12.55)");
    expect(compatible(exact("1"), exact("2"))).toBe(false);
  });

  it("reaches a whole unit above for shares, which newsrooms truncate (70.96 % printed as 70)", () => {
    expect(formatInterval(exact("70", "percent")!.plausible)).toBe("[69.5, 71)");
    expect(compatible(exact("70", "percent"), exact("70.96", "percent"))).toBe(true);
    expect(compatible(exact("70", "percent"), exact("71.2", "percent"))).toBe(false);
    // A count of 70 is never 70.96 of anything.
    expect(compatible(exact("70"), exact("70.96"))).toBe(false);
  });

  it("knows a share by its unit typed in Kazakh or Russian, or as a sign", () => {
    for (const unit of ["пайыз", "процентов", "%"]) expect(formatInterval(exact("70", unit)!.plausible), unit).toBe("[69.5, 71)");
  });

  it("reads a round count to two significant figures: 4000 agrees with 3,960, not with 3,900", () => {
    expect(formatInterval(exact("4000")!.plausible)).toBe("[3950, 4050)");
    expect(compatible(exact("4000"), exact("3960"))).toBe(true);
    expect(compatible(exact("4000"), exact("3900"))).toBe(false);
    expect(formatInterval(exact("4520")!.plausible)).toBe("[4515, 4525)");
    expect(formatInterval(exact("1000000")!.plausible)).toBe("[950000, 1050000)");
  });

  it("is not given to hedged or open figures, whose words already say how far they reach", () => {
    expect(plausible(figure("MORE_THAN", "70"))).toBe("(70, ∞)");
    expect(plausible(figure("APPROXIMATELY", "10"))).toBe("[9, 11]");
  });
});

describe("overlaps", () => {
  const closed = (lo: number, hi: number) => ({ lo, hi, loOpen: false, hiOpen: false });
  it.each([
    ["disjoint", closed(0, 1), closed(2, 3), false],
    ["nested", closed(0, 10), closed(2, 3), true],
    ["touching closed ends", closed(0, 2), closed(2, 3), true],
    ["touching where one end is open", { ...closed(0, 2), hiOpen: true }, closed(2, 3), false],
    ["more than 70 against exactly 70", { lo: 70, hi: Infinity, loOpen: true, hiOpen: true }, closed(70, 70), false],
    ["two unbounded above", { lo: 5, hi: Infinity, loOpen: false, hiOpen: true }, { lo: 9, hi: Infinity, loOpen: true, hiOpen: true }, true],
  ])("%s", (_name, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe("compatible figures", () => {
  const compat = (a: FigureFields, b: FigureFields) => compatible(figureInterval(a), figureInterval(b));

  it("'70 пайыздан астам' and '70 пайыз' can both be true once rounding is allowed", () => {
    expect(compat(figure("MORE_THAN", "70", { min: "70" }), { ...figure("EXACT", "70", { min: "70", max: "70" }), unit: "percent" })).toBe(true);
  });

  it("'он пайызына жуығы' (nearly 10 %) and '10 пайызы' agree", () => {
    expect(compat(figure("APPROXIMATELY", "10", { max: "10" }), figure("EXACT", "10"))).toBe(true);
  });

  it("'all were released' (0) and 'at least ten are held' cannot both be true", () => {
    expect(compat(figure("EXACT", "0"), figure("AT_LEAST", "10"))).toBe(false);
  });

  it("a claim without a figure contradicts nothing", () => {
    expect(compat(figure("VAGUE", null), figure("EXACT", "0"))).toBe(true);
  });

  it("'up to 100' and 'more than 100' never meet", () => {
    expect(compat(figure("UP_TO", "100"), figure("MORE_THAN", "100"))).toBe(false);
    expect(compat(figure("UP_TO", "100"), figure("AT_LEAST", "100"))).toBe(true);
  });
});

describe("magnitudes", () => {
  const ratio = (a: FigureFields, b: FigureFields) => magnitudeRatio(figureInterval(a), figureInterval(b));
  it("puts 'мыңдаған' (2000–9999) next to 'nearly 4000'", () => {
    expect(ratio(figure("VAGUE", null, { min: "2000", max: "9999" }), figure("APPROXIMATELY", "4000", { max: "4000" }))).toBeLessThan(1.5);
  });
  it("puts 'at least ten' orders of magnitude from 'nearly 4000'", () => {
    expect(ratio(figure("AT_LEAST", "10"), figure("APPROXIMATELY", "4000", { max: "4000" }))).toBeGreaterThan(100);
  });
  it("has no answer without a bound", () => {
    expect(ratio(figure("VAGUE", null), figure("EXACT", "5"))).toBeNull();
  });
  it("calls zero against anything else infinitely far", () => {
    expect(ratio(figure("EXACT", "0"), figure("EXACT", "5"))).toBe(Infinity);
  });
});

describe("units", () => {
  it("treats a vote share or turnout without a unit as a percentage", () => {
    expect(figureUnit({ category: "VOTE_SHARE", unit: null })).toBe("percent");
    expect(figureUnit({ category: "DETENTION_COUNT", unit: " Person " })).toBe("person");
    expect(figureUnit({ category: "OTHER", unit: "" })).toBeNull();
  });
  it("names a unit typed by hand as the suggester does", () => {
    expect(figureUnit({ category: "VOTE_SHARE", unit: "Пайыз" })).toBe("percent");
    expect(figureUnit({ category: "DETENTION_COUNT", unit: "человек" })).toBe("person");
    expect(figureUnit({ category: "MONEY", unit: "теңге" })).toBe("KZT");
  });
  it.each([
    ["person", "person", true],
    ["person", null, true],
    ["percent", null, false],
    ["fold", null, false],
    ["percent", "person", false],
    [null, null, true],
  ])("%s and %s agree: %s", (a, b, expected) => {
    expect(unitsAgree(a, b)).toBe(expected);
  });
});
