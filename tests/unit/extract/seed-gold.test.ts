import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractClaims, type ClaimCandidate } from "@/lib/extract";
import gold from "./seed-gold.json";

interface GoldClaim {
  quote: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  qualifier: string;
  category?: string;
  date?: string | null;
}

const seedDir = path.join(__dirname, "..", "..", "..", "seed-texts");

function expected(g: GoldClaim): Partial<ClaimCandidate> {
  const e: Partial<ClaimCandidate> = { text: g.quote, value: g.value, min: g.min, max: g.max, unit: g.unit, qualifier: g.qualifier as ClaimCandidate["qualifier"] };
  if (g.category !== undefined) e.category = g.category as ClaimCandidate["category"];
  if (g.date !== undefined) e.date = g.date;
  return e;
}

describe.each(gold.texts)("seed text $file", (t) => {
  const text = readFileSync(path.join(seedDir, t.file), "utf8");
  const candidates = extractClaims(text);

  it.each(t.claims as GoldClaim[])("reads «$quote»", (g) => {
    const same = candidates.filter((c) => c.text === g.quote);
    expect(same.length, `no candidate with text «${g.quote}»`).toBeGreaterThan(0);
    // Several occurrences (e.g. "10 қаңтарда") must all read the same way except for the event date.
    expect(same).toContainEqual(expect.objectContaining(expected(g)));
  });

  it.each(t.notClaims)("does not propose «%s»", (q) => {
    let from = 0;
    for (;;) {
      const at = text.indexOf(q, from);
      if (at < 0) break;
      const hit = candidates.find((c) => c.start < at + q.length && at < c.end);
      expect(hit, `candidate «${hit?.text}» overlaps «${q}»`).toBeUndefined();
      from = at + q.length;
    }
  });

  it("keeps offsets faithful to the text", () => {
    for (const c of candidates) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
