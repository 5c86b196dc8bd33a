import { reanchor, selectorFor } from "@/lib/anchoring";
import type { Tx } from "@/lib/db/client";
import type { ClaimCandidate } from "@/lib/extract";

export interface Dismissal {
  dismissedAt: Date;
  dismissedById: string | null;
}

/** Key of a range of the new text: suggestions are unique per article, revision and range. */
export const rangeKey = (start: number, end: number) => `${start}:${end}`;

/**
 * Which of the new revision's candidates an editor already dismissed, keyed by range. Each
 * revision stores its dismissals (carried forward from the one before), so only the latest earlier
 * revision with suggestions is consulted: an undismiss there must win over older dismissals.
 *
 * A dismissed suggestion is found again with the claim re-anchoring (quote plus 32 characters of
 * context each side), not by its words alone: "70 пайыз" dismissed in one sentence must not
 * silence a new "70 пайыз" in another. The words must also be identical, since an edited figure
 * is a new claim that deserves a fresh look.
 */
export async function findRememberedDismissals(
  tx: Tx,
  options: { articleId: string; revision: number; text: string; candidates: readonly ClaimCandidate[] },
): Promise<Map<string, Dismissal>> {
  const remembered = new Map<string, Dismissal>();
  const previous = await tx.claimSuggestion.findFirst({
    where: { articleId: options.articleId, revision: { lt: options.revision } },
    orderBy: { revision: "desc" },
    select: { revision: true },
  });
  if (!previous) return remembered;

  const dismissed = await tx.claimSuggestion.findMany({
    where: { articleId: options.articleId, revision: previous.revision, dismissedAt: { not: null } },
    select: { start: true, end: true, text: true, dismissedAt: true, dismissedById: true },
  });
  if (dismissed.length === 0) return remembered;
  const oldBody = await tx.articleRevision.findUnique({
    where: { articleId_revision: { articleId: options.articleId, revision: previous.revision } },
    select: { bodyText: true },
  });
  if (!oldBody) return remembered;

  const candidateText = new Map(options.candidates.map((c) => [rangeKey(c.start, c.end), c.text]));
  for (const s of dismissed) {
    if (oldBody.bodyText.slice(s.start, s.end) !== s.text) continue;
    const found = reanchor(options.text, selectorFor(oldBody.bodyText, s.start, s.end));
    if (found.start === null) continue;
    const key = rangeKey(found.start, found.end);
    if (candidateText.get(key) === s.text) remembered.set(key, { dismissedAt: s.dismissedAt!, dismissedById: s.dismissedById });
  }
  return remembered;
}
