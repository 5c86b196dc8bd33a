import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimStatement, SENTENCE_WINDOW, STATEMENT_LENGTH, trimAround } from "@/lib/export/claim-statement";
import { SEED_TEXTS_DIR } from "../../support/paths";

const article = readFileSync(path.join(SEED_TEXTS_DIR, "001_297095da23eb7edd.txt"), "utf8");

/** A claim on the first occurrence of `quote`, with the window the export query reads. */
function claimOn(text: string, quote: string, statement: string | null = null) {
  const start = text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  const from = Math.max(0, start - SENTENCE_WINDOW);
  return { statement, quote, start, window: { text: text.slice(from, start + quote.length + SENTENCE_WINDOW), start: from } };
}

describe("the claim reviewed", () => {
  it("is the editor's statement when they gave one", () => {
    const statement = "«Нұр Отан» мүшелері 1000-нан аса жемқорлық қылмыстың 10 пайызына қатысты.";
    expect(claimStatement(claimOn(article, "10 пайызы", statement))).toBe(statement);
  });

  it("is the whole sentence holding the quote when it is short enough", () => {
    expect(claimStatement(claimOn(article, "05.03.2020"))).toBe("• 05.03.2020");
    const text = "Кеше митинг өтті. Полиция төрт мыңға жуық адамды ұстады! Бұл туралы ІІМ хабарлады.";
    expect(claimStatement(claimOn(text, "төрт мыңға жуық адам"))).toBe("Полиция төрт мыңға жуық адамды ұстады!");
  });

  it("does not split a sentence at an abbreviation or a web address", () => {
    const text = "Дерек azattyq.org сайтында, т.б басылымдарда 1 200 адам деп жазылды. Келесі сөйлем.";
    expect(claimStatement(claimOn(text, "1 200 адам"))).toBe("Дерек azattyq.org сайтында, т.б басылымдарда 1 200 адам деп жазылды.");
  });

  it.each([
    // 308 characters; the quote in its middle.
    ["Даная ҚАЛИЕВА", "Кеше интернет желілері", "тырысты."],
    // 341 characters, with "!»;" and "?»;" inside it, which end no sentence.
    ["«сотқа береміз?»", "Бұдан кейін осы топ", "мәжбүр болды."],
  ])("trims a long sentence around %s at word boundaries, with … on each cut side", (quote, opening, closing) => {
    const result = claimStatement(claimOn(article, quote));
    const sentence = article.slice(article.indexOf(opening), article.indexOf(closing) + closing.length);
    expect(sentence.length).toBeGreaterThan(STATEMENT_LENGTH);
    expect(result.length).toBeLessThanOrEqual(STATEMENT_LENGTH);
    expect(result.length).toBeGreaterThan(STATEMENT_LENGTH - 30);
    expect(result).toContain(quote);
    expect(result.startsWith("…") && result.endsWith("…")).toBe(true);
    // What is kept is whole words of the sentence, in order.
    const kept = result.slice(1, -1);
    const at = sentence.indexOf(kept);
    expect(at).toBeGreaterThan(0);
    expect(sentence[at - 1]).toMatch(/\s/);
    expect(sentence[at + kept.length]).toMatch(/[\s,;]/);
  });

  it("cuts only the side that is too long", () => {
    const text = `Тоқаев ${"айтты ".repeat(80)}бюджет 4,5 трлн теңге болады.`;
    const result = claimStatement(claimOn(text, "4,5 трлн теңге"));
    expect(result.startsWith("…")).toBe(true);
    expect(result.endsWith("4,5 трлн теңге болады.")).toBe(true);
    expect(result.length).toBeLessThanOrEqual(STATEMENT_LENGTH);
  });

  it("finds the quote when its offsets count an emoji differently, and falls back to the quote when its words are gone", () => {
    const text = "😀 Жаңалық. Сайлауға 63,3 пайыз келді.";
    const claim = claimOn(text, "63,3 пайыз");
    expect(claimStatement({ ...claim, start: claim.start - 1 })).toBe("Сайлауға 63,3 пайыз келді.");
    expect(claimStatement({ ...claim, quote: "70 пайыз" })).toBe("70 пайыз");
    expect(claimStatement({ ...claim, window: null })).toBe("63,3 пайыз");
  });
});

describe("trimAround", () => {
  const words = Array.from({ length: 100 }, (_, i) => `сөз${i}`).join(" ");

  it("keeps text within the limit as it is", () => {
    expect(trimAround("Қысқа сөйлем.", 0, 5, 280)).toBe("Қысқа сөйлем.");
  });

  it("never exceeds the limit and keeps the quote whole", () => {
    for (const limit of [20, 40, 80, 280]) {
      for (const from of [0, 10, 200, words.length - 6]) {
        const quote = words.slice(from, from + 5);
        const result = trimAround(words, from, from + 5, limit);
        expect(result.length, `${limit} ${from}`).toBeLessThanOrEqual(limit);
        expect(result).toContain(quote);
      }
    }
  });

  it("keeps a quote longer than the limit whole", () => {
    expect(trimAround(words, 10, 100, 40)).toBe(`…${words.slice(10, 100)}…`);
  });
});
