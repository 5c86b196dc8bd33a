import search from "approx-string-match";
import { editDistance } from "./edit-distance";
import { snapToCodePoints } from "./selector";
import { FUZZY_CHUNK_MIN, FUZZY_CHUNK_QUOTES, MAX_FUZZY_ERRORS } from "./thresholds";
import type { TextSelector } from "./types";
import { snapToWords } from "./words";

export interface RawCandidate {
  start: number;
  end: number;
  errors: number;
}

export function exactOccurrences(text: string, quote: string): RawCandidate[] {
  const found: RawCandidate[] = [];
  if (!quote) return found;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    found.push({ start: i, end: i + quote.length, errors: 0 });
  }
  return found;
}

export function maxFuzzyErrors(quote: string): number {
  return Math.min(MAX_FUZZY_ERRORS, Math.floor(quote.length / 2));
}

/**
 * Approximate occurrences, the best of each chunk of the text (see FUZZY_CHUNK_MIN for why not
 * the best of the whole text). Chunks overlap by a full match length so no match is cut in two.
 */
export function fuzzyOccurrences(text: string, selector: TextSelector): RawCandidate[] {
  const { quote } = selector;
  const maxErrors = maxFuzzyErrors(quote);
  const chunk = Math.max(FUZZY_CHUNK_MIN, FUZZY_CHUNK_QUOTES * quote.length);
  const overlap = quote.length + maxErrors;
  const seen = new Set<string>();
  const found: RawCandidate[] = [];
  for (let offset = 0; offset < text.length; offset += chunk) {
    const slice = text.slice(offset, offset + chunk + overlap);
    for (const match of search(slice, quote, maxErrors)) {
      const words = snapToWords(text, offset + match.start, offset + match.end, selector);
      const { start, end } = snapToCodePoints(text, words.start, words.end);
      const key = `${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Snapping changed the range, so count the errors of what will actually be highlighted.
      const errors = start === offset + match.start && end === offset + match.end
        ? match.errors
        : editDistance(quote, text.slice(start, end));
      found.push({ start, end, errors });
    }
    if (offset + chunk + overlap >= text.length) break;
  }
  return found;
}
