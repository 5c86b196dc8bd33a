const DIGIT_RUN = /\p{Nd}+/gu;

/**
 * Whether two quotes state the same numbers. In a fact tracker the digits are the checkable part of
 * a claim: "70 пайыз" → "75 пайыз" is one edit but a different fact, so a fuzzy match must never
 * carry a claim across a changed number however similar the rest is.
 */
export function sameNumbers(a: string, b: string): boolean {
  const left = a.match(DIGIT_RUN) ?? [];
  const right = b.match(DIGIT_RUN) ?? [];
  return left.length === right.length && left.every((run, i) => run === right[i]);
}
