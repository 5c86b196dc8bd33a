import { exactOccurrences } from "./candidates";
import type { EditMap } from "./edit-map";
import { NEAR_DISTANCE, SELF_EVIDENT_QUOTE_LENGTH } from "./thresholds";
import type { StoredAnchor } from "./types";

/**
 * A claim the diff scattered although the editor did not touch it. The smallest diff of text
 * pasted or deleted right beside a claim can align stray letters of the new text with the old
 * rather than keep the claim's words whole, when that costs fewer characters. Its words are taken
 * to have survived when they stand whole, near where the edit put their old place, with enough
 * unchanged characters right around them that together they are as long as a quote that speaks
 * for itself (SELF_EVIDENT_QUOTE_LENGTH), and nowhere else near. A short figure in a rewritten
 * sentence ("10" → "жел 10 метр") has no such run and is looked for by its context instead.
 */
export function keptBesideRewrittenText(
  edit: EditMap,
  anchor: StoredAnchor,
  keepsWords: (range: { start: number; end: number }) => boolean,
): { start: number; end: number } | undefined {
  const { quote, prefix, suffix } = anchor;
  const text = edit.newText;
  const expected = edit.approximate(anchor.start);
  const runs = exactOccurrences(text, quote).filter(
    (c) =>
      Math.abs(c.start - expected) <= NEAR_DISTANCE &&
      keepsWords(c) &&
      quote.length +
        sharedEnd(prefix, text.slice(Math.max(0, c.start - prefix.length), c.start)) +
        sharedStart(suffix, text.slice(c.end, c.end + suffix.length)) >=
        SELF_EVIDENT_QUOTE_LENGTH,
  );
  return runs.length === 1 ? { start: runs[0].start, end: runs[0].end } : undefined;
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
