import { describe, expect, it } from "vitest";
import { SUGGESTED_UNITS } from "@/lib/extract/units";
import { unitCode } from "@/lib/i18n/canonical-unit";
import { formatFigure, type FigureClaim } from "@/lib/i18n/figure";
import { LOCALES } from "@/lib/i18n/locales";
import { isUnitCode, UNIT_WORDS, unitName, unitWord } from "@/lib/i18n/unit-words";

const spaces = (text: string) => text.replace(/\u00a0/g, " ");
const claim = (figure: Partial<FigureClaim>): FigureClaim => ({ value: null, min: null, max: null, unit: null, qualifier: "EXACT", ...figure });
const inEach = (figure: Partial<FigureClaim>) => ({
  kk: spaces(formatFigure(claim(figure), "kk")),
  ru: spaces(formatFigure(claim(figure), "ru")),
  en: formatFigure(claim(figure), "en"),
});

describe("a claim's figure in the reader's language", () => {
  it("writes the number, qualifier and unit word of each language", () => {
    expect(inEach({ value: "4000.000000", unit: "person", qualifier: "APPROXIMATELY" })).toEqual({ kk: "≈ 4 000 адам", ru: "≈ 4 000 человек", en: "≈ 4,000 people" });
    expect(inEach({ value: "70.960000", unit: "percent" })).toEqual({ kk: "70,96 пайыз", ru: "70,96 процента", en: "70.96 percent" });
    expect(inEach({ value: "10000", unit: "person", qualifier: "MORE_THAN" })).toEqual({ kk: "> 10 000 адам", ru: "> 10 000 человек", en: "> 10,000 people" });
    expect(inEach({ value: 45, unit: "minute", qualifier: "APPROXIMATELY" })).toEqual({ kk: "≈ 45 минут", ru: "≈ 45 минут", en: "≈ 45 minutes" });
  });

  it("agrees English and Russian nouns with the number", () => {
    expect(inEach({ value: "1.000000", unit: "person" })).toEqual({ kk: "1 адам", ru: "1 человек", en: "1 person" });
    expect(inEach({ value: 25, unit: "person" })).toEqual({ kk: "25 адам", ru: "25 человек", en: "25 people" });
    expect(inEach({ value: 2, unit: "year" })).toEqual({ kk: "2 жыл", ru: "2 года", en: "2 years" });
    expect(inEach({ value: 5, unit: "year" })).toEqual({ kk: "5 жыл", ru: "5 лет", en: "5 years" });
    expect(inEach({ value: 21, unit: "seat" })).toEqual({ kk: "21 орын", ru: "21 место", en: "21 seats" });
    expect(inEach({ value: 12, unit: "USD" }).ru).toBe("12 долларов");
    expect(inEach({ value: 1.5, unit: "hour" })).toEqual({ kk: "1,5 сағат", ru: "1,5 часа", en: "1.5 hours" });
  });

  it("writes a range with the words of its upper end, and an open range", () => {
    expect(inEach({ min: 2, max: 9, unit: "қала" })).toEqual({ kk: "2–9 қала", ru: "2–9 городов", en: "2–9 cities" });
    expect(inEach({ min: 25, max: 30, unit: "percent" })).toEqual({ kk: "25–30 пайыз", ru: "25–30 процентов", en: "25–30 percent" });
    expect(inEach({ min: 1000, unit: "person" })).toEqual({ kk: "1 000–… адам", ru: "1 000–… человек", en: "1,000–… people" });
  });

  it("names a vague figure, leaves out a figure that has no number, and keeps the qualifier off a range", () => {
    expect(inEach({ qualifier: "VAGUE", unit: "person" })).toEqual({ kk: "белгісіз адам", ru: "неопределённо человек", en: "vague people" });
    expect(inEach({})).toEqual({ kk: "", ru: "", en: "" });
    expect(inEach({ min: 5, max: 10, qualifier: "APPROXIMATELY" })).toEqual({ kk: "5–10", ru: "5–10", en: "5–10" });
  });

  it("shows a unit typed by hand as typed, in every language", () => {
    expect(inEach({ value: 300, unit: "гектар жер" })).toEqual({ kk: "300 гектар жер", ru: "300 гектар жер", en: "300 гектар жер" });
  });

  it("keeps every stored decimal", () => {
    expect(inEach({ value: "0.123456789" }).en).toBe("0.123456789");
  });
});

describe("the unit vocabulary", () => {
  it("has words in every language for every unit the suggester writes", () => {
    const missing = [...SUGGESTED_UNITS].filter((code) => !isUnitCode(code));
    expect(missing).toEqual([]);
  });

  it("reads every word it shows back as the same unit, so a figure copied from any language groups with its claim", () => {
    // Russian "раз" stands for both рет (times) and есе (fold); it reads as times.
    const misread = LOCALES.flatMap((locale) =>
      Object.keys(UNIT_WORDS).flatMap((code) => [1, 2, 5, 1.5].map((count) => unitWord(code, count, locale)).filter((word) => unitCode(word) !== code && !(code === "fold" && locale === "ru")).map((word) => `${locale} ${code}: ${word}`)),
    );
    expect(misread).toEqual([]);
  });

  it("stores a known unit as its code and any other as typed", () => {
    expect(["адам", "адамдар", "человек", "Людей", "people", "person", " % "].map(unitCode)).toEqual(Array(7).fill("person").fill("percent", 6));
    expect([unitCode("  гектар   жер "), unitCode(""), unitCode(null)]).toEqual(["гектар жер", null, null]);
  });

  it("names a unit in a list by its singular in Russian and its plural in English", () => {
    expect([unitName("person", "kk"), unitName("person", "ru"), unitName("person", "en")]).toEqual(["адам", "человек", "people"]);
    expect(unitName("something typed", "ru")).toBe("something typed");
  });
});
