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
