import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/extract";
import gold from "./fixtures/seed-checkable.json";

const seedDir = path.join(__dirname, "..", "..", "..", "seed-texts");
const claimantOf = (text: string, quote: string) => extractClaims(text).find((c) => c.text === quote)?.claimant;

describe("claimant of the seed texts' checkable figures", () => {
  const rows = gold.texts.flatMap((t) => {
    const candidates = extractClaims(readFileSync(path.join(seedDir, t.file), "utf8"));
    return t.figures.map((g) => ({ file: t.file, quote: g.quote, expected: g.claimant, candidates }));
  });
  it.each(rows)("«$quote» ($file) → $expected", ({ quote, expected, candidates }) => {
    const found = candidates.filter((c) => c.text === quote);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(c.claimant).toBe(expected);
  });
});

describe("claimant from Kazakh reported speech", () => {
  it.each([
    ["Құқық қорғаушылардың дерегінше, арнайы жасақ 361 адамды әкеткен.", "361 адамды", "Құқық қорғаушылар"],
    ["ІІМ мәліметінше, 120 адам ұсталды.", "120 адам", "ІІМ"],
    ["ІІМ-нің дерегі бойынша 120 адам ұсталды.", "120 адам", "ІІМ"],
    ["Орталық сайлау комиссиясының мәліметінше, сайлаушылардың 63 пайызы дауыс берді.", "63 пайызы", "Орталық сайлау комиссиясы"],
    ["«Митингке 500 адам келді», - деді ішкі істер министрі.", "500 адам", "ішкі істер министрі"],
    ["Қазақстан ішкі істер министрі Ерлан Тұрғымбаев төрт мыңға жуық адам ұсталғанын хабарлады.", "төрт мыңға жуық адам", "Қазақстан ішкі істер министрі Ерлан Тұрғымбаев"],
    ["Бұған дейін полиция өкілдері \"кемі 30 адам жиналды\" деп мәлімдеген.", "кемі 30 адам", "полиция өкілдері"],
    ["Министр Асқар Жұмағалиев 40 мектеп салынғанын атап өтті.", "40 мектеп", "Министр Асқар Жұмағалиев"],
  ])("%s", (text, quote, claimant) => {
    expect(claimantOf(text, quote)).toBe(claimant);
  });

  it("takes the speaker of a quotation that runs on into the next sentence", () => {
    const text = "«Бүгін 200 адам келді. Ертең тағы келеміз», - деді Әлнұр Ильяшев.";
    expect(claimantOf(text, "200 адам")).toBe("Әлнұр Ильяшев");
  });

  it("resolves «Оның айтуынша» to the speaker of the sentence before", () => {
    const text = "Бұл туралы Даная Қалиева айтты.\nОның айтуынша, 15 белсенді ұсталған.";
    expect(claimantOf(text, "15 белсенді")).toBe("Даная Қалиева");
  });

  it("names nobody where the text does not", () => {
    expect(claimantOf("Сайлау күні 361 адам ұсталды.", "361 адам")).toBeNull();
    // "деген" quotes a charge, not a speaker.
    expect(claimantOf("Ол «жалған ақпарат таратты» деген күдікпен екі айға қамалған.", "екі айға")).toBeNull();
    // A passive "хабарланған" (it was reported) has no speaker.
    expect(claimantOf("Отырыс 18 наурызда өтетіні, оған 300 адам келетіні хабарланған.", "300 адам")).toBeNull();
  });
});
