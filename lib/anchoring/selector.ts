import type { TextSelector } from "./types";

/** The W3C TextQuoteSelector convention (and Hypothesis's): enough to tell repeats apart. */
export const CONTEXT_LENGTH = 32;

/**
 * Builds the stored selector for a range of the plain text. Context edges never split a surrogate
 * pair: a lone surrogate is not valid UTF-8, so PostgreSQL would reject or mangle the stored text.
 */
export function selectorFor(text: string, start: number, end: number): TextSelector {
  if (!(0 <= start && start <= end && end <= text.length)) {
    throw new RangeError(`selectorFor: range ${start}..${end} is outside a text of ${text.length}`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (isLowSurrogate(text, prefixStart) && prefixStart > 0 && isHighSurrogate(text, prefixStart - 1)) {
    prefixStart += 1;
  }
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isLowSurrogate(text, suffixEnd) && isHighSurrogate(text, suffixEnd - 1)) {
    suffixEnd -= 1;
  }
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

export function isHighSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Widens a range that would cut a surrogate pair in half; fuzzy matching works on code units. */
export function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  const s = start > 0 && isLowSurrogate(text, start) && isHighSurrogate(text, start - 1) ? start - 1 : start;
  const e = end > 0 && end < text.length && isLowSurrogate(text, end) && isHighSurrogate(text, end - 1) ? end + 1 : end;
  return { start: s, end: e };
}
