import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/extract";
import { canonicalUnit } from "@/lib/i18n/canonical-unit";

describe("a unit as grouping compares it", () => {
  it.each([
    ["percent", ["percent", "Percent", " per  cent ", "%", "%-ы", "пайыз", "Пайызы", "пайыздан", "пайыздық", "процент", "процентов", "проц."]],
    ["person", ["person", "people", "адам", "адамдар", "адамның", "кісі", "человек", "Человека", "людей", "чел."]],
    ["seat", ["seat", "seats", "орын", "орны", "мандат", "мест", "мандатов"]],
    ["year", ["year", "years", "жыл", "жылға", "год", "года", "лет"]],
    ["day", ["day", "күн", "тәулік", "дней", "суток"]],
    ["times", ["times", "рет", "мәрте", "раз", "раза"]],
    ["fold", ["fold", "есе", "крат"]],
    ["KZT", ["KZT", "kzt", "теңге", "тг", "тенге", "tenge", "₸"]],
    ["USD", ["USD", "доллар", "долларов", "dollars", "$"]],
    ["RUB", ["RUB", "рубль", "рублей", "руб.", "₽"]],
  ])("reads %s in English, Kazakh and Russian", (canonical, spellings) => {
    expect(spellings.map((spelling) => [spelling, canonicalUnit(spelling)])).toEqual(spellings.map((spelling) => [spelling, canonical]));
  });

  it("keeps a Kazakh counted noun as the suggester does, under any of its forms", () => {
    expect(canonicalUnit("белсенділер")).toBe("белсенді");
    expect(canonicalUnit("Жұмысшы")).toBe("жұмысшы");
  });

  it("keeps a unit nobody listed as typed, trimmed and lower-cased, so two of them still agree", () => {
    expect(canonicalUnit("  Баррель ")).toBe("баррель");
    expect(canonicalUnit("баррель")).toBe(canonicalUnit("БАРРЕЛЬ"));
  });

  it("has no unit for nothing typed", () => {
    expect(canonicalUnit(null)).toBeNull();
    expect(canonicalUnit(undefined)).toBeNull();
    expect(canonicalUnit("  ")).toBeNull();
  });

  it("leaves the suggester's own units as it stored them", () => {
    const text = "Сайлауда ол 70 пайыз дауыс алды. Шерудің 4 мыңға жуық адам ұсталды. Айыппұл 500 мың теңге болды. Ол 5 жылға сотталды.";
    const units = extractClaims(text).map((claim) => claim.unit).filter((unit): unit is string => unit !== null);
    expect(new Set(units)).toEqual(new Set(["percent", "person", "KZT", "year"]));
    expect(units.map(canonicalUnit)).toEqual(units);
  });
});
