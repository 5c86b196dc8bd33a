import { describe, expect, it } from "vitest";
import { compareClaims, passageText, SAME_FACT_THRESHOLD, type GroupingClaim } from "@/lib/grouping/same-fact";
import { englishMessage } from "@/lib/core/english-messages";
import type { CodedMessage } from "@/lib/core/message-codes";

/** The reasons as the English interface words them. */
const english = (reasons: CodedMessage[]) => reasons.map((reason) => englishMessage(reason.code, reason.params));

/** Two reports of the 9 June 2019 vote, as in seed articles 000 and 002. */
const base: GroupingClaim = {
  id: "a",
  articleId: "article-1",
  category: "VOTE_SHARE",
  value: "70",
  min: null,
  max: null,
  unit: "percent",
  qualifier: "MORE_THAN",
  claimant: null,
  eventDate: null,
  quote: "70 пайыздан астам",
  prefix: "\n9 маусымдағы сайлауда ол ",
  suffix: " дауыспен жеңіске жеткен\nСайлау ",
};
const other: GroupingClaim = {
  ...base,
  id: "b",
  articleId: "article-2",
  qualifier: "EXACT",
  quote: "70 пайыз",
  prefix: "ауға түскен Қасым-Жомарт Тоқаев ",
  suffix: " дауысқа ие болып, жеңіске жетке",
};

const decide = (changes: Partial<GroupingClaim>, otherChanges: Partial<GroupingClaim> = {}) => compareClaims({ ...base, ...changes }, { ...other, ...otherChanges });

describe("hard requirements", () => {
  it("accepts the two reports as they are", () => {
    expect(decide({})).toMatchObject({ sameFact: true, conflict: false });
  });

  it.each<[string, Partial<GroupingClaim>, Partial<GroupingClaim>, string]>([
    ["one claim is not two reports", {}, { id: "a" }, "the same claim"],
    ["categories differ", {}, { category: "TURNOUT" }, "different categories (vote share, turnout)"],
    ["a share against a count", {}, { unit: "person" }, "different units (percent, person)"],
    ["stated event dates differ", { eventDate: "2019-06-09" }, { eventDate: "2019-06-12" }, "different event dates (2019-06-09, 2019-06-12)"],
    ["one article, one voice", {}, { articleId: "article-1" }, "the same article, and not two different claimants"],
    ["one article, the same claimant", { claimant: "ОСК" }, { articleId: "article-1", claimant: "ОСК" }, "the same article, and not two different claimants"],
    ["a date claim without its date", { category: "DATE", value: null, unit: null }, { category: "DATE", value: null, unit: null, eventDate: "2019-06-09" }, "a date claim without its date"],
  ])("refuses when %s", (_name, a, b, reason) => {
    const decision = decide(a, b);
    expect(decision).toMatchObject({ sameFact: false, conflict: false, score: 0 });
    expect(english(decision.reasons)).toEqual([reason]);
  });

  it("allows one unstated event date", () => {
    expect(decide({ eventDate: "2019-06-09" }).sameFact).toBe(true);
  });

  it("allows one article when it sets two named voices against each other", () => {
    const decision = decide({ claimant: "Орталық сайлау комиссиясы" }, { articleId: "article-1", claimant: "Тәуелсіз бақылаушылар" });
    expect(english(decision.reasons)[0]).not.toMatch(/same article/);
    expect(decision.sameFact).toBe(true);
  });
});

describe("evidence", () => {
  it("explains itself: shared stems, the figures as read", () => {
    expect(english(decide({}).reasons)).toEqual(["words in common 0.55 (дауы, жетк, жеңі)", "figures agree: (70, ∞) and [70, 70]"]);
  });

  it("needs some shared words, claimant or date: agreeing figures alone are not enough", () => {
    const unrelated = decide({}, { prefix: "Бүгін Алматыда ", suffix: " жұмыссыздық тіркелді" });
    expect(english(unrelated.reasons)[0]).toBe("no words in common");
    expect(unrelated.sameFact).toBe(false);
    expect(unrelated.score).toBeLessThan(SAME_FACT_THRESHOLD);
  });

  it("counts the same claimant and the same stated event date", () => {
    const words = { prefix: "Бүгін Алматыда ", suffix: " жұмыссыздық тіркелді" };
    const plain = decide({}, words);
    const claimant = decide({ claimant: "ОСК төрағасы Берік Имашев" }, { ...words, claimant: "Имашев" });
    const date = decide({ eventDate: "2019-06-09" }, { ...words, eventDate: "2019-06-09" });
    expect(claimant.score).toBeCloseTo(plain.score + 0.2);
    expect(english(claimant.reasons)).toContain("the same claimant");
    expect(english(date.reasons)).toContain("the same event date (2019-06-09)");
    expect(claimant.sameFact).toBe(true);
    expect(date.sameFact).toBe(true);
  });

  it("does not take words from the neighbouring sentence", () => {
    expect(passageText({ prefix: "жеңіске жетті. Сайлау күні ", quote: "мыңдаған адамды", suffix: " ұстаған.\nҚұқық қорғаушылар" })).toBe(
      " Сайлау күні мыңдаған адамды ұстаған",
    );
  });

  it("drops a context word cut in half at the start of a full-length prefix", () => {
    expect(passageText({ prefix: "ав Канкуров «былтыр Қазақстанда ", quote: "мыңнан астам", suffix: "" })).toBe(" Канкуров «былтыр Қазақстанда мыңнан астам");
    expect(passageText({ prefix: "Тоқаев ", quote: "70 пайыз", suffix: "" })).toBe("Тоқаев 70 пайыз");
  });
});

describe("units typed by hand", () => {
  it("takes a hand-typed \"пайыз\" for the suggester's \"percent\"", () => {
    for (const unit of ["пайыз", "Пайызы", "%", "процентов"]) {
      const decision = decide({}, { unit });
      expect(decision, unit).toMatchObject({ sameFact: true, conflict: false });
      expect(decision.reasons, unit).toEqual(decide({}).reasons);
    }
  });

  it("still keeps a share and a head count typed by hand apart", () => {
    expect(english(decide({}, { unit: "адам" }).reasons)).toEqual(["different units (percent, person)"]);
    expect(english(decide({ unit: "пайыз" }, { unit: "человек" }).reasons)).toEqual(["different units (percent, person)"]);
  });
});

describe("figures that disagree", () => {
  const released: GroupingClaim = {
    id: "ministry",
    articleId: "official",
    category: "DETENTION_COUNT",
    value: "0",
    min: null,
    max: null,
    unit: "person",
    qualifier: "EXACT",
    claimant: "Ішкі істер министрлігі",
    eventDate: "2021-01-10",
    quote: "барлығы босатылды",
    prefix: "сайлау күні ұсталған белсенділердің ",
    suffix: " деп мәлімдеді.",
  };
  const held: GroupingClaim = {
    ...released,
    id: "defenders",
    articleId: "ngo",
    value: "10",
    min: "10",
    qualifier: "AT_LEAST",
    claimant: "Құқық қорғаушылар",
    quote: "кемінде он адам",
    prefix: "сайлау күні ұсталған белсенділердің ",
    suffix: " қамалды.",
  };

  it("are the same fact, in conflict, when the reports clearly tell of one event", () => {
    expect(compareClaims(released, held)).toMatchObject({ sameFact: true, conflict: true });
  });

  it("need more evidence than agreeing figures do", () => {
    // One shared stem ("ұста"), no date: enough for agreeing figures, not for disagreeing ones.
    const thin = { prefix: "полиция ұстаған ", suffix: "" };
    const agreeing = compareClaims({ ...released, ...thin, eventDate: null, value: "12", qualifier: "EXACT" }, { ...held, eventDate: null });
    const disagreeing = compareClaims({ ...released, ...thin, eventDate: null }, { ...held, eventDate: null });
    expect(agreeing.sameFact).toBe(true);
    expect(disagreeing.sameFact).toBe(false);
  });

  it("an order of magnitude apart, though both may be true, also need more evidence", () => {
    const thin = { prefix: "полиция ұстаған ", suffix: "", eventDate: null };
    const far = compareClaims({ ...released, ...thin, value: "4000", qualifier: "APPROXIMATELY", max: "4000" }, { ...held, eventDate: null });
    expect(english(far.reasons)).toContain("figures can both be true but are far apart: [3600, 4000] and [10, ∞)");
    expect(far).toMatchObject({ sameFact: false, conflict: false });
  });
});
