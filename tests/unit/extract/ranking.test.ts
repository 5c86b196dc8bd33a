import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractClaims, LIKELY_CLAIM_SCORE, type ClaimCandidate } from "@/lib/extract";
import gold from "./fixtures/seed-checkable.json";

const seedDir = path.join(__dirname, "..", "..", "..", "seed-texts");
const read = (file: string) => extractClaims(readFileSync(path.join(seedDir, file), "utf8"));
const shown = (c: ClaimCandidate) => c.score >= LIKELY_CLAIM_SCORE;

describe("ranking against the seed texts' checkable figures", () => {
  const texts = gold.texts.map((t) => ({ ...t, candidates: read(t.file) }));

  it.each(texts.flatMap((t) => t.figures.map((g) => ({ file: t.file, quote: g.quote, candidates: t.candidates }))))(
    "shows «$quote» ($file) by default",
    ({ quote, candidates }) => {
      const found = candidates.filter((c) => c.text === quote);
      expect(found.length, `no candidate «${quote}»`).toBeGreaterThan(0);
      for (const c of found) expect(c.score, `«${quote}» scored ${c.score}`).toBeGreaterThanOrEqual(LIKELY_CLAIM_SCORE);
    },
  );

  it("keeps the default set close to the gold list (precision ≥ 0.9) and well under all candidates", () => {
    let all = 0;
    let byDefault = 0;
    let goldShown = 0;
    for (const t of texts) {
      const quotes = new Set(t.figures.map((g) => g.quote));
      all += t.candidates.length;
      const first = t.candidates.filter(shown);
      byDefault += first.length;
      goldShown += first.filter((c) => quotes.has(c.text)).length;
    }
    expect(goldShown / byDefault).toBeGreaterThanOrEqual(0.9);
    expect(byDefault).toBeLessThan(all / 3);
  });

  it("collapses bare «бірі», «бірнеше», relative dates and everyday durations", () => {
    const hidden = ["бірі", "бірнеше", "Бүгінгі", "бүгін", "Кеше", "бір күн", "бір аптаның", "33 минуттан бері", "шамамен 45 минутқа", "5 наурызда", "екі"];
    const candidates = texts.flatMap((t) => t.candidates);
    for (const quote of hidden) {
      const found = candidates.filter((c) => c.text === quote);
      expect(found.length, `no candidate «${quote}»`).toBeGreaterThan(0);
      for (const c of found) expect(shown(c), `«${quote}» is shown`).toBe(false);
    }
  });

  it("ranks a count above the same count without its unit or hedge", () => {
    const [withUnit] = extractClaims("Полиция 361 адамды ұстады.");
    const [bare] = extractClaims("Кітапта 361 бет бар.");
    expect(withUnit.score).toBeGreaterThan(bare.score);
  });
});
