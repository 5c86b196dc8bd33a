const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

const isWordChar = (ch: string | undefined) => ch !== undefined && ch !== "" && WORD_CHAR.test(ch);

/**
 * Widens a fuzzy match to whole words where the stored quote had whole words. The matcher returns
 * the fewest-errors substring, which happily ends mid-word ("…жуық адам" → "…жуық азам|ат"); a
 * claim highlighted over half a word looks broken and its quote would be stored truncated.
 * Edges where the original quote itself cut a word (its neighbour in prefix/suffix is a letter)
 * are left alone.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  edges: { quote: string; prefix: string; suffix: string },
): { start: number; end: number } {
  let s = start;
  let e = end;
  const quoteStartsWord = !isWordChar(edges.prefix.at(-1)) && isWordChar(edges.quote[0]);
  const quoteEndsWord = !isWordChar(edges.suffix[0]) && isWordChar(edges.quote.at(-1));
  if (quoteStartsWord) while (s > 0 && s < e && isWordChar(text[s - 1]) && isWordChar(text[s])) s--;
  if (quoteEndsWord) while (e < text.length && e > s && isWordChar(text[e - 1]) && isWordChar(text[e])) e++;
  return { start: s, end: e };
}

const DIGIT = /\p{Nd}/u;

/**
 * Whether the words at a range of the new text are still the quote's words, judged at its edges,
 * for a range that holds exactly the quote. Letters or digits glued onto the front of the quote
 * make another word or number ("20 адам" → "120 адам"; Kazakh has no prefixes to excuse it), and
 * so do digits after a number ("120" → "1200"), so either edge must divide words as the stored
 * quote's did. A suffix after a letter is an inflection ("адам" → "адамның") and changes no fact.
 */
export function keepsWordEdges(
  text: string,
  start: number,
  end: number,
  stored: { quote: string; prefix: string; suffix: string },
): boolean {
  const { quote, prefix, suffix } = stored;
  const wasJoinedBefore = isWordChar(prefix.at(-1)) && isWordChar(quote[0]);
  const isJoinedBefore = isWordChar(text[start - 1]) && isWordChar(text[start]);
  if (wasJoinedBefore !== isJoinedBefore) return false;
  const last = quote.at(-1);
  if (last === undefined || !DIGIT.test(last)) return true;
  const wasJoinedAfter = isWordChar(suffix[0]);
  const isJoinedAfter = isWordChar(text[end]);
  return wasJoinedAfter === isJoinedAfter;
}
