import { CONTEXT_SLACK } from "./thresholds";

/**
 * How well the stored context still surrounds a candidate, in [0, 1].
 *
 * An edit distance in which text far from the quote is free but text next to it is not: a word
 * inserted right before the quote costs its length, while the context merely sliding out of the
 * window costs nothing. A plain Levenshtein over equal-length windows would charge such an
 * insertion twice (once for the new text, once for the context pushed out at the far end).
 */
export function prefixSimilarity(prefix: string, text: string, start: number): number {
  // Most candidates after an edit elsewhere have untouched context; skip the alignment for them.
  if (prefix && start >= prefix.length && text.startsWith(prefix, start - prefix.length)) return 1;
  const window = text.slice(Math.max(0, start - prefix.length - CONTEXT_SLACK), start);
  return anchoredSimilarity(reverse(prefix), reverse(window));
}

export function suffixSimilarity(suffix: string, text: string, end: number): number {
  if (suffix && text.startsWith(suffix, end)) return 1;
  const window = text.slice(end, end + suffix.length + CONTEXT_SLACK);
  return anchoredSimilarity(suffix, window);
}

/** Both strings start at the quote and run away from it. */
export function anchoredSimilarity(expected: string, actual: string): number {
  // No stored context means the quote touched the start or end of the text; that is evidence too.
  if (expected.length === 0) return actual.length === 0 ? 1 : 0;
  const m = expected.length;
  const n = actual.length;
  let prev = new Uint16Array(n + 1);
  let cur = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const a = expected.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = prev[j - 1] + (a === actual.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(substitute, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = prev[0];
  for (let j = 1; j <= n; j++) if (prev[j] < best) best = prev[j];
  return 1 - best / m;
}

function reverse(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}
