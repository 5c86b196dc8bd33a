import { CLAIM_STATEMENT_MAX } from "@/lib/claims/claim-schemas";
import { tokenize } from "@/lib/extract/tokenize";

/** The longest sentence written as the claim reviewed, "…" included: the editor's own bound. */
export const STATEMENT_LENGTH = CLAIM_STATEMENT_MAX;

/**
 * How much of the article's text on each side of a claim is searched for its sentence: the
 * statement's length, since a sentence that reaches past the window is longer than a statement
 * may be, so it is cut on that side anyway.
 */
export const SENTENCE_WINDOW = STATEMENT_LENGTH;

const ELLIPSIS = "…";

/** Text around a claim: `text` starts at UTF-16 offset `start` of the article's text. */
export interface TextWindow {
  text: string;
  start: number;
}

const isSpace = (ch: string) => /\s/.test(ch);

/**
 * Where the quote stands in the window: at its offsets when the text there is the quote, else
 * the occurrence nearest to them, else nowhere (an orphaned claim whose words are gone).
 */
function locateQuote(window: TextWindow, quote: string, start: number): number {
  const expected = start - window.start;
  if (window.text.startsWith(quote, expected)) return expected;
  let best = -1;
  for (let at = window.text.indexOf(quote); at !== -1; at = window.text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  return best;
}

/**
 * The sentence that holds [from, to) in `text`, by the suggester's own sentence splitting
 * (lib/extract/tokenize.ts: a sentence ends at . ! ? … before a space, and at a line break).
 * A quote that crosses a sentence end gets every sentence it touches.
 */
function sentenceAround(text: string, from: number, to: number): { start: number; end: number } {
  const tokens = tokenize(text);
  let first = -1;
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].end > from && tokens[i].start < to) {
      if (first === -1) first = i;
      last = i;
    }
  }
  if (first === -1) return { start: from, end: to };
  const [opening, closing] = [tokens[first].sentence, tokens[last].sentence];
  while (first > 0 && tokens[first - 1].sentence === opening) first--;
  while (last < tokens.length - 1 && tokens[last + 1].sentence === closing) last++;
  return { start: Math.min(tokens[first].start, from), end: Math.max(tokens[last].end, to) };
}

/**
 * `text` cut to at most `limit` characters around [from, to), at word boundaries, with "…" on a
 * side that was cut. The quote is always kept whole, even if it alone is longer than the limit.
 * The room is shared evenly between the two sides; what one side does not need goes to the other.
 */
export function trimAround(text: string, from: number, to: number, limit: number = STATEMENT_LENGTH): string {
  if (text.length <= limit) return text;
  const room = limit - (to - from) - 2 * ELLIPSIS.length;
  if (room <= 0) return `${from > 0 ? ELLIPSIS : ""}${text.slice(from, to)}${to < text.length ? ELLIPSIS : ""}`;
  const before = from;
  const after = text.length - to;
  // Shared evenly, and a side that needs less than its half leaves the rest to the other (the
  // side kept whole then needs no "…", which the room above counted).
  let left = Math.min(before, Math.floor(room / 2));
  let right = Math.min(after, room - left);
  left = Math.min(before, room - right);
  if (left === before) right = Math.min(after, room - left + ELLIPSIS.length);
  if (right === after) left = Math.min(before, room - right + ELLIPSIS.length);

  let start = from - left;
  let end = to + right;
  // A cut inside a word moves to the word's edge, towards the quote.
  if (start > 0 && !isSpace(text[start - 1])) {
    while (start < from && !isSpace(text[start])) start++;
  }
  if (end < text.length && !isSpace(text[end])) {
    while (end > to && !isSpace(text[end - 1])) end--;
  }
  // No space or punctuation at a cut edge before the "…".
  let kept = text.slice(start, end);
  const cutLeft = start > 0;
  const cutRight = end < text.length;
  if (cutLeft) kept = kept.replace(/^[\s,;:–—-]+/u, "");
  if (cutRight) kept = kept.replace(/[\s,;:–—-]+$/u, "");
  return `${cutLeft ? ELLIPSIS : ""}${kept}${cutRight ? ELLIPSIS : ""}`;
}

/**
 * What a ClaimReview names as the claim reviewed: the editor's statement when they gave one,
 * else the sentence of the article that holds the quote, trimmed to STATEMENT_LENGTH at word
 * boundaries; the quote alone when its words cannot be found in the window.
 */
export function claimStatement(claim: { statement: string | null; quote: string; start: number; window: TextWindow | null }): string {
  if (claim.statement) return claim.statement;
  if (!claim.window) return claim.quote;
  const at = locateQuote(claim.window, claim.quote, claim.start);
  if (at === -1) return claim.quote;
  const sentence = sentenceAround(claim.window.text, at, at + claim.quote.length);
  const raw = claim.window.text.slice(sentence.start, sentence.end);
  const lead = raw.length - raw.trimStart().length;
  const from = at - sentence.start - lead;
  // A sentence that runs past the window is longer than STATEMENT_LENGTH on that side (the
  // window reaches SENTENCE_WINDOW beyond the quote), so trimAround cuts it there with a "…".
  return trimAround(raw.trim(), from, from + claim.quote.length);
}
