import { describe, expect, it } from "vitest";
import { reanchor, reanchorAll, selectorFor, type AnchorResult } from "@/lib/anchoring";
import { occurrences, readSeed, splice } from "./helpers";

const article = readSeed("002_37550b50464d8635.txt");
const CLAIM = "төрт мыңға жуық адам";
const claimStart = article.indexOf(CLAIM);
const claimSelector = selectorFor(article, claimStart, claimStart + CLAIM.length);
const claimLineStart = article.lastIndexOf("\n", claimStart) + 1;
const claimLineEnd = article.indexOf("\n", claimStart) + 1;

const located = (text: string, r: AnchorResult) => (r.start === null ? null : text.slice(r.start, r.end));

describe("reanchor: the Kazakh claim «төрт мыңға жуық адам»", () => {
  it("is a single occurrence in the seed article", () => {
    expect(occurrences(article, CLAIM)).toEqual([claimStart]);
  });

  const sentence = "Бұл туралы агенттік тілшісі хабарлады. ";
  const cases: Array<[string, string, AnchorResult["status"], string | null]> = [
    ["unchanged", article, "exact", CLAIM],
    ["an edit after it", splice(article, article.length - 5, article.length, "."), "exact", CLAIM],
    ["a sentence inserted at the start", sentence + article, "moved", CLAIM],
    ["a sentence inserted before it in its paragraph", splice(article, claimLineStart, claimLineStart, sentence), "moved", CLAIM],
    ["a word inserted right before it", splice(article, claimStart, claimStart, "шамамен "), "moved", CLAIM],
    [
      "a paragraph inserted before it that mentions the same words",
      splice(article, 0, 0, `Сарапшылар ${CLAIM} туралы дерекке күмәнмен қарайды.\n`),
      "moved",
      CLAIM,
    ],
    ["a typo fixed inside it", article.replace(CLAIM, "төрт мыңға жуық адaм"), "fuzzy", "төрт мыңға жуық адaм"],
    ["a word replaced by a near synonym", article.replace(CLAIM, "төрт мыңға жуық азамат"), "fuzzy", "төрт мыңға жуық азамат"],
    // The quoted words are all still there, only followed by a suffix: the claim did not change.
    ["a suffix added to its last word", article.replace(CLAIM, "төрт мыңға жуық адамның"), "exact", CLAIM],
    // "nearly four thousand" became "more than four thousand": a different fact; see thresholds.ts.
    ["a word changed inside it", article.replace(CLAIM, "төрт мыңнан астам адам"), "orphaned", null],
    ["its paragraph deleted", splice(article, claimLineStart, claimLineEnd), "orphaned", null],
    ["the text reduced to its first half", article.slice(0, claimStart - 200), "orphaned", null],
  ];

  it.each(cases)("%s", (_, text, status, words) => {
    const result = reanchor(text, claimSelector);
    expect(result.status).toBe(status);
    expect(located(text, result)).toBe(words);
    if (result.status !== "orphaned") expect(result.score).toBeGreaterThan(0.7);
  });

  it("lands on the original, not the new mention, when the same words are pasted before it", () => {
    const text = splice(article, 0, 0, `Сарапшылар ${CLAIM} туралы дерекке күмәнмен қарайды.\n`);
    const result = reanchor(text, claimSelector);
    expect(occurrences(text, CLAIM)).toHaveLength(2);
    expect(result.start).toBe(occurrences(text, CLAIM)[1]);
  });

  it("offers the changed words as a suggestion, not as a placement", () => {
    const text = article.replace(CLAIM, "төрт мыңнан астам адам");
    const result = reanchor(text, claimSelector);
    expect(result.status).toBe("orphaned");
    if (result.status !== "orphaned") return;
    expect(result.suggestion).toBeDefined();
    expect(text.slice(result.suggestion!.start, result.suggestion!.end)).toBe("төрт мыңнан астам адам");
  });

  it("offers no suggestion for similar words in a different sentence", () => {
    const other = "Оппозиция митингіге төрт мыңнан астам адам келді деп мәлімдеді.\n";
    const text = splice(article, claimLineStart, claimLineEnd, other);
    const result = reanchor(text, claimSelector);
    expect(result).toMatchObject({ status: "orphaned", start: null, end: null });
    expect(result.status === "orphaned" && result.suggestion).toBeFalsy();
  });

  it("offers no suggestion when the passage is gone", () => {
    const result = reanchor(splice(article, claimLineStart, claimLineEnd), claimSelector);
    expect(result).toMatchObject({ status: "orphaned", start: null, end: null });
    expect(result.status === "orphaned" && result.suggestion).toBeFalsy();
  });

  it("orphans rather than choosing when the passage with its context now appears twice", () => {
    const passage = article.slice(claimStart - 40, claimStart + CLAIM.length + 40);
    // Both copies move away from the old offsets and have identical surroundings: a coin toss.
    const text = sentence + article + "\n" + passage;
    expect(occurrences(text, CLAIM)).toHaveLength(2);
    expect(reanchor(text, claimSelector).status).toBe("orphaned");
  });

  it("lets context decide between two copies of its sentence when only one keeps its surroundings", () => {
    const line = article.slice(claimLineStart, claimLineEnd);
    const text = sentence + splice(article, claimLineStart, claimLineStart, line.replace("хабарлады", "айтты"));
    const [, original] = occurrences(text, CLAIM);
    expect(reanchor(text, claimSelector)).toMatchObject({ status: "moved", start: original });
  });
});

describe("reanchor: short quotes rely on context", () => {
  const PERCENT = "70 пайыз";
  const percentStart = article.indexOf(PERCENT);
  const percentSelector = selectorFor(article, percentStart, percentStart + PERCENT.length);
  const percentLineStart = article.lastIndexOf("\n", percentStart) + 1;
  const percentLineEnd = article.indexOf("\n", percentStart) + 1;
  const otherMention = "Сауалнамаға қатысқандардың 70 пайыз бөлігі жауап бермеді.\n";

  it.each<[string, string, AnchorResult["status"], number | null]>([
    ["unchanged", article, "exact", percentStart],
    ["a paragraph inserted at the start", otherMention + article, "moved", percentStart + otherMention.length],
    ["its paragraph deleted, another «70 пайыз» elsewhere", splice(article, percentLineStart, percentLineEnd, otherMention), "orphaned", null],
    ["the number changed", article.replace(PERCENT, "75 пайыз"), "orphaned", null],
    ["the number changed, the old one appears elsewhere", article.replace(PERCENT, "75 пайыз") + "\n" + otherMention, "orphaned", null],
  ])("%s", (_, text, status, start) => {
    const result = reanchor(text, percentSelector);
    expect(result.status).toBe(status);
    expect(result.start).toBe(start);
  });

  const numbers = [
    "Алматыда 10 адам ұсталды, олардың ішінде журналистер де бар.",
    "Астанада 10 адам сотқа жеткізілді.",
    "Шымкентте кемінде 10 адам жараланды деп хабарланды.",
    "Полиция 10 адамның есімін жарияламады.",
  ];
  const base = numbers.join("\n");
  const target = base.indexOf("10", base.indexOf("Шымкентте"));
  const tenSelector = selectorFor(base, target, target + 2);

  it.each<[string, string, AnchorResult["status"], string | null]>([
    ["unchanged", base, "exact", "Шымкентте"],
    ["lines reordered", [numbers[2], numbers[0], numbers[1], numbers[3]].join("\n"), "moved", "Шымкентте"],
    ["a word inserted before it", base.replace("кемінде 10", "кемінде шамамен 10"), "moved", "Шымкентте"],
    ["its line deleted", [numbers[0], numbers[1], numbers[3]].join("\n"), "orphaned", null],
  ])("«10» among several: %s", (_, text, status, line) => {
    const result = reanchor(text, tenSelector);
    expect(result.status).toBe(status);
    if (line === null) return expect(result.start).toBeNull();
    expect(located(text, result)).toBe("10");
    const lineStart = text.lastIndexOf("\n", result.start!) + 1;
    expect(text.slice(lineStart).startsWith(line)).toBe(true);
  });

  it("does not accept a different «10» that sits at the old offsets after its first word", () => {
    const replacement = "Шымкентте бүгін 10 мектеп жабылды, сабақтар онлайн өтеді.";
    // Pad so the new "10" lands exactly where the old one was.
    const head = base.slice(0, base.indexOf("Шымкентте"));
    const pad = "x".repeat(target - head.length - replacement.indexOf("10"));
    const text = head + pad + replacement + "\n" + numbers[3];
    expect(text.slice(target, target + 2)).toBe("10");
    expect(reanchor(text, tenSelector).status).toBe("orphaned");
  });

  it("does not accept a «10» at the old offsets in an unrelated sentence", () => {
    const replacement = "Ертең ауа райы бұлтты болады, жел 10 метр секундқа дейін.";
    const head = base.slice(0, base.indexOf("Шымкентте"));
    const text = head + replacement.slice(replacement.indexOf("10") - (target - head.length)) + "\n" + numbers[3];
    expect(text.slice(target, target + 2)).toBe("10");
    expect(reanchor(text, tenSelector).status).toBe("orphaned");
  });

  it("does not follow a parallel sentence about another city that shares only the words after it", () => {
    const text = [numbers[0], numbers[1], "Қарағанды облысында кемінде 10 адам жараланды деп хабарланды.", numbers[3]].join("\n");
    expect(reanchor(text, tenSelector).status).toBe("orphaned");
  });

  it("never fuzzy-matches a short word whose ending changed", () => {
    const city = base.indexOf("Астанада");
    const selector = selectorFor(base, city, city + "Астанада".length);
    // "in Astana" → "to Astana": two edits in eight characters, context intact.
    expect(reanchor(base.replace("Астанада", "Астанаға"), selector).status).toBe("orphaned");
  });

  it("never fuzzy-matches a quote too short to mean anything", () => {
    const text = base.replace("кемінде 10 адам", "кемінде 16 адам");
    expect(reanchor(text, tenSelector).status).toBe("orphaned");
  });
});

describe("reanchor: repeated phrases far away", () => {
  const charges = readSeed("004_d4f0bc03257ef0bf.txt");
  const PHRASE = "жағдай кезінде жалған ақпарат таратты";
  const [first, second] = occurrences(charges, PHRASE);
  const selector = selectorFor(charges, second, second + PHRASE.length);

  it("has the quoted charge twice, about different people", () => {
    expect(occurrences(charges, PHRASE)).toHaveLength(2);
    expect(second - first).toBeGreaterThan(1000);
  });

  it("orphans a claim whose own words were cut rather than slide onto the other mention", () => {
    const text = splice(charges, second - 10, second + PHRASE.length - 5);
    expect(occurrences(text, PHRASE)).toEqual([first]);
    expect(reanchor(text, selector).status).toBe("orphaned");
  });

  it("follows a whole paragraph moved far away, since its context came along", () => {
    const lineStart = charges.lastIndexOf("\n", second) + 1;
    const lineEnd = charges.indexOf("\n", second) + 1;
    const line = charges.slice(lineStart, lineEnd);
    const text = splice(charges, lineStart, lineEnd) + (charges.endsWith("\n") ? "" : "\n") + line;
    const result = reanchor(text, selector);
    expect(result.status).toBe("moved");
    expect(Math.abs(result.start! - second)).toBeGreaterThan(256);
    expect(located(text, result)).toBe(PHRASE);
  });
});

describe("reanchor: parallel sentences", () => {
  const strikes = readSeed("003_f112b8e6a601b618.txt");
  const later = strikes.indexOf("Темір ауданындағы");
  const earlier = strikes.indexOf("Темір ауданында ");
  const selector = selectorFor(strikes, later, later + "Темір".length);

  it("orphans a district name cut from one strike report rather than move it to the other report", () => {
    expect(later - earlier).toBeGreaterThan(256);
    const text = splice(strikes, later - 11, later + 61);
    const result = reanchor(text, selector);
    expect(result.status).toBe("orphaned");
  });
});

describe("reanchor: other texts", () => {
  it.each<[string, string, string, AnchorResult["status"], string | null]>([
    // [case, old text, new text, status, words found]
    ["a claim at the very start", "Президент сайлауы 9 маусымда өтті.\nЕкінші жол.", "Президент сайлауы 9 маусымда өтті.\nЕкінші жол өзгерді.", "exact", "Президент сайлауы"],
    ["a claim at the very end", "Бірінші жол.\nСоңғы сөз осы", "Жаңа бірінші жол.\nСоңғы сөз осы", "moved", "сөз осы"],
    ["astral characters before and inside", "𝔸😀 Бағасы 😀 200 теңге болды.", "Жаңа 𝔸😀 Бағасы 😀 200 теңге болды.", "moved", "😀 200 теңге"],
    [
      "a long quote whose surroundings were rewritten",
      "Бірінші сөйлем. Қасым-Жомарт Тоқаев 70 пайыз дауысқа ие болып, жеңіске жеткен. Соңы.",
      "Мүлде басқа кіріспе сөздер тұр. Қасым-Жомарт Тоқаев 70 пайыз дауысқа ие болып, жеңіске жеткен! Басқа аяқталу сөздері.",
      "moved",
      "Қасым-Жомарт Тоқаев 70 пайыз дауысқа ие болып",
    ],
    [
      "a long quote with its number changed",
      "Бірінші сөйлем. Қасым-Жомарт Тоқаев 70 пайыз дауысқа ие болып, жеңіске жеткен. Соңы.",
      "Бірінші сөйлем. Қасым-Жомарт Тоқаев 71 пайыз дауысқа ие болып, жеңіске жеткен. Соңы.",
      "orphaned",
      null,
    ],
  ])("%s", (_, oldText, newText, status, words) => {
    const quote = words ?? "Қасым-Жомарт Тоқаев 70 пайыз дауысқа ие болып";
    const start = oldText.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const result = reanchor(newText, selectorFor(oldText, start, start + quote.length));
    expect(result.status).toBe(status);
    expect(located(newText, result)).toBe(words);
  });

  it("orphans an empty quote", () => {
    expect(reanchor("мәтін", selectorFor("мәтін", 2, 2)).status).toBe("orphaned");
  });
});

describe("reanchorAll", () => {
  it("re-anchors every claim of an article in order", () => {
    const quotes = [CLAIM, "70 пайыз", "Ерлан Тұрғымбаев", "Құрманғазы Айтмырза"];
    const selectors = quotes.map((q) => {
      const s = article.indexOf(q);
      return selectorFor(article, s, s + q.length);
    });
    const text = "Жаңа кіріспе абзац.\n" + splice(article, claimLineStart, claimLineEnd);
    const results = reanchorAll(text, selectors);
    expect(results.map((r) => r.status)).toEqual(["orphaned", "moved", "orphaned", "moved"]);
    expect(results.map((r) => located(text, r))).toEqual([null, "70 пайыз", null, "Құрманғазы Айтмырза"]);
  });
});
