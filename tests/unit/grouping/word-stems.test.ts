import { describe, expect, it } from "vitest";
import { contentWords, dice, overlapCoefficient, stem, stemSet } from "@/lib/grouping/word-stems";

describe("content words of a Kazakh passage", () => {
  it("leaves out numbers with their endings, numeral words, months and function words", () => {
    expect(contentWords("9 маусымдағы сайлауда ол 70 пайыздан астам дауыспен жеңіске жеткен")).toEqual([
      "сайлауда",
      "пайыздан",
      "дауыспен",
      "жеңіске",
      "жеткен",
    ]);
    expect(contentWords("былтыр елде тіркелген 1000-нан аса жемқорлық қылмыстың")).toEqual(["елде", "тіркелген", "жемқорлық", "қылмыстың"]);
    expect(contentWords("төрт мыңға жуық адам ұсталғанын хабарлады")).toEqual(["адам", "ұсталғанын"]);
  });

  it("splits hyphenated names and lower-cases", () => {
    expect(contentWords("Қасым-Жомарт Тоқаев")).toEqual(["қасым", "жомарт", "тоқаев"]);
  });
});

describe("stems", () => {
  it.each([
    ["ұсталғанын", "ұстаған"],
    ["сайлауда", "сайлауға"],
    ["пайыздан", "пайызы"],
    ["дауыспен", "дауысқа"],
    ["Отанға", "Отан"],
  ])("'%s' and '%s' share a stem", (a, b) => {
    expect(stem(a.toLowerCase())).toBe(stem(b.toLowerCase()));
  });

  it("tells unrelated roots apart", () => {
    expect(stem("сайлау")).not.toBe(stem("сайт"));
    expect(stem("полиция")).not.toBe(stem("партия"));
  });
});

describe("similarity", () => {
  it("is Dice over stem sets", () => {
    const a = stemSet("дауыспен жеңіске жеткен");
    const b = stemSet("дауысқа ие болып, жеңіске жетті");
    // "жеткен" and "жетті" part at the fourth letter: a root of three letters keeps its tense
    // ending in the stem, a known blind spot of cutting at a fixed length.
    expect([...b]).toEqual(["дауы", "жеңі", "жетт"]);
    expect(dice(a, b)).toBeCloseTo((2 * 2) / (3 + 3));
    expect(dice(a, new Set())).toBe(0);
  });

  it("matches a surname against a full name by overlap", () => {
    expect(overlapCoefficient(stemSet("Канкуров"), stemSet("Станислав КАНКУРОВ"))).toBe(1);
    expect(overlapCoefficient(stemSet("Ішкі істер министрлігі"), stemSet("Құқық қорғаушылар"))).toBe(0);
  });
});
