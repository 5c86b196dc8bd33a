/**
 * Span-overlap scoring of the claim suggester against IOB2 data (KazNERD). Pure: no file access.
 */

export interface IobSentence {
  tokens: string[];
  tags: string[];
}

export interface Entity {
  cls: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

/** Classes whose recall is reported. */
export const RECALL_CLASSES = ["CARDINAL", "PERCENTAGE", "MONEY", "QUANTITY", "DATE"] as const;
/** Classes a candidate may overlap to count as a correct (numeric) suggestion. */
export const NUMERIC_CLASSES = new Set(["CARDINAL", "PERCENTAGE", "MONEY", "QUANTITY", "DATE", "ORDINAL", "TIME"]);

/** "TOKEN TAG" lines, blank line between sentences. The tag is the last space-separated field. */
export function parseIob2(text: string): IobSentence[] {
  const out: IobSentence[] = [];
  let cur: IobSentence = { tokens: [], tags: [] };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    const sp = line.lastIndexOf(" ");
    if (sp <= 0) {
      cur.tokens.push(line);
      cur.tags.push("O");
      continue;
    }
    cur.tokens.push(line.slice(0, sp));
    cur.tags.push(line.slice(sp + 1));
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

/** Joins tokens with single spaces and records each token's [start, end). */
export function rebuildSentence(tokens: string[]): { text: string; offsets: Span[] } {
  const offsets: Span[] = [];
  let text = "";
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) text += " ";
    const start = text.length;
    text += tokens[i];
    offsets.push({ start, end: text.length });
  }
  return { text, offsets };
}

/** IOB2 entities as character spans; an I- tag without a matching B- starts a new entity. */
export function entitiesOf(tags: string[], offsets: Span[]): Entity[] {
  const out: Entity[] = [];
  let cur: Entity | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag.startsWith("B-") || (tag.startsWith("I-") && (!cur || cur.cls !== tag.slice(2)))) {
      if (cur) out.push(cur);
      cur = { cls: tag.slice(2), start: offsets[i].start, end: offsets[i].end };
    } else if (tag.startsWith("I-") && cur) {
      cur.end = offsets[i].end;
    } else {
      if (cur) out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export interface ClassScore {
  cls: string;
  total: number;
  found: number;
  recall: number;
}

export interface EvalReport {
  sentences: number;
  classes: ClassScore[];
  candidates: number;
  correctCandidates: number;
  precision: number;
}

export interface SentenceResult {
  entities: Entity[];
  candidates: Span[];
}

export function scoreSentence(entities: Entity[], candidates: Span[]): { hitEntities: boolean[]; correct: boolean[] } {
  const hitEntities = entities.map((e) => candidates.some((c) => overlaps(c, e)));
  const numeric = entities.filter((e) => NUMERIC_CLASSES.has(e.cls));
  const correct = candidates.map((c) => numeric.some((e) => overlaps(c, e)));
  return { hitEntities, correct };
}

/**
 * Recall per class: share of entities overlapped by at least one candidate. Precision: share of
 * candidates overlapping some numeric entity (ORDINAL and TIME included).
 */
export function evaluate(sentences: IobSentence[], extract: (text: string) => Span[]): EvalReport {
  const totals = new Map<string, { total: number; found: number }>();
  for (const c of RECALL_CLASSES) totals.set(c, { total: 0, found: 0 });
  let candidates = 0;
  let correctCandidates = 0;
  for (const s of sentences) {
    const { text, offsets } = rebuildSentence(s.tokens);
    const ents = entitiesOf(s.tags, offsets);
    const cands = extract(text);
    const { hitEntities, correct } = scoreSentence(ents, cands);
    ents.forEach((e, i) => {
      const t = totals.get(e.cls);
      if (!t) return;
      t.total++;
      if (hitEntities[i]) t.found++;
    });
    candidates += cands.length;
    correctCandidates += correct.filter(Boolean).length;
  }
  const classes: ClassScore[] = [...totals.entries()].map(([cls, t]) => ({
    cls, total: t.total, found: t.found, recall: t.total ? t.found / t.total : 0,
  }));
  return { sentences: sentences.length, classes, candidates, correctCandidates, precision: candidates ? correctCandidates / candidates : 0 };
}

export function formatReport(r: EvalReport): string {
  const lines = ["| class | entities | found | recall |", "|---|---:|---:|---:|"];
  for (const c of r.classes) lines.push(`| ${c.cls} | ${c.total} | ${c.found} | ${c.recall.toFixed(3)} |`);
  lines.push("");
  lines.push(`| precision | candidates | overlapping a numeric entity | precision |`);
  lines.push("|---|---:|---:|---:|");
  lines.push(`| all | ${r.candidates} | ${r.correctCandidates} | ${r.precision.toFixed(3)} |`);
  return lines.join("\n");
}

export interface RankedClass {
  /** The KazNERD class a candidate overlaps first; "none" for candidates overlapping no numeric entity. */
  cls: string;
  candidates: number;
  shown: number;
}

/**
 * How the ranking splits KazNERD's candidates: per class of the entity each overlaps, how many
 * are shown by default. KazNERD marks numbers, not claims worth checking, so this says where the
 * ranking puts each kind of figure (dates and times mostly behind "Show all"), not whether it is
 * right.
 */
export function rankingByClass(sentences: IobSentence[], extract: (text: string) => (Span & { score: number })[], threshold: number): RankedClass[] {
  const counts = new Map<string, { candidates: number; shown: number }>();
  for (const s of sentences) {
    const { text, offsets } = rebuildSentence(s.tokens);
    const numeric = entitiesOf(s.tags, offsets).filter((e) => NUMERIC_CLASSES.has(e.cls));
    for (const c of extract(text)) {
      const cls = numeric.find((e) => overlaps(c, e))?.cls ?? "none";
      const row = counts.get(cls) ?? { candidates: 0, shown: 0 };
      row.candidates++;
      if (c.score >= threshold) row.shown++;
      counts.set(cls, row);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1].candidates - a[1].candidates).map(([cls, row]) => ({ cls, ...row }));
}

export function formatRanking(rows: RankedClass[]): string {
  const lines = ["| overlapping | candidates | shown by default | share |", "|---|---:|---:|---:|"];
  for (const r of rows) lines.push(`| ${r.cls} | ${r.candidates} | ${r.shown} | ${(r.candidates ? r.shown / r.candidates : 0).toFixed(3)} |`);
  return lines.join("\n");
}
