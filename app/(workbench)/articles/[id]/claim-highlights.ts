import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import type { Highlight } from "./claim-decorations";

/** How a claim's highlight looks: its status, and whether it is the open one. */
export function claimClassName(claim: ArticleClaim, isOpen: boolean): string {
  return `claim claim--${claim.status.toLowerCase()}${isOpen ? " claim--active" : ""}`;
}

/**
 * Builds the claims' highlights, each one once per claim object (and whether it is the open one).
 * A claim action replaces only the claims it changed (claim-changes.ts), so after a save every
 * other claim hands back the highlight it had: the viewer sees the same object and keeps its
 * decoration without comparing what it looks like, and a save on an article with 2,000 claims
 * builds one highlight, not 2,000.
 */
export function claimHighlighter(summary: (claim: ArticleClaim) => string) {
  const plain = new WeakMap<ArticleClaim, Highlight>();
  const open = new WeakMap<ArticleClaim, Highlight>();
  function highlightOf(claim: ArticleClaim, isOpen: boolean): Highlight {
    const built = isOpen ? open : plain;
    let highlight = built.get(claim);
    if (highlight === undefined) {
      highlight = {
        id: claim.id,
        start: claim.start,
        end: claim.end,
        kind: "claim",
        className: claimClassName(claim, isOpen),
        title: summary(claim),
      };
      built.set(claim, highlight);
    }
    return highlight;
  }
  return (claims: readonly ArticleClaim[], openClaimId: string | null): Highlight[] => claims.map((c) => highlightOf(c, c.id === openClaimId));
}
