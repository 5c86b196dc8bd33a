/** The paragraph of an article that holds a claim, cut into the words before, the claim, and after. */
export interface ClaimParagraph {
  before: string;
  quote: string;
  after: string;
}

/**
 * A paragraph is a line of Article.bodyText (the viewer renders one block per line). Returns null
 * when the offsets no longer hold the claim's quote, as for an orphaned claim: a highlight on the
 * wrong words would be worse than none.
 */
export function claimParagraph(bodyText: string, claim: { start: number; end: number; quote: string }): ClaimParagraph | null {
  const { start, end } = claim;
  if (start < 0 || end > bodyText.length || start >= end || bodyText.slice(start, end) !== claim.quote) return null;
  const lineStart = bodyText.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = bodyText.indexOf("\n", end);
  return {
    before: bodyText.slice(lineStart, start),
    quote: claim.quote,
    after: bodyText.slice(end, lineEnd === -1 ? bodyText.length : lineEnd),
  };
}
