import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/core/ids";
import { suggestionNotFoundError, suggestionStaleError } from "./suggestion-errors";

export interface DismissalResult {
  suggestionId: string;
  dismissed: boolean;
  /** False when the suggestion was already in the asked-for state: nothing was written. */
  changed: boolean;
}

/**
 * Dismisses or restores one suggestion of the article's current revision, with its audit event.
 * The article row is share-locked first: an edit of the article waits for this to commit (or we
 * wait for it and then see a newer revision), so a dismissal can never fall between the moment an
 * edit reads the old revision's dismissals and the moment it stores the new revision's.
 */
export async function setDismissal(options: { actor: Actor; suggestionId: string; dismissed: boolean }): Promise<DismissalResult> {
  authorize(options.actor, "claim.create");
  const actor = options.actor;
  if (!isUuid(options.suggestionId)) throw suggestionNotFoundError();
  return db.$transaction(async (tx) => {
    const suggestion = await tx.claimSuggestion.findUnique({
      where: { id: options.suggestionId },
      select: { id: true, articleId: true, revision: true, text: true, start: true, end: true, dismissedAt: true },
    });
    if (!suggestion) throw suggestionNotFoundError();
    const [article] = await tx.$queryRaw<{ revision: number }[]>`
      SELECT "revision" FROM "Article" WHERE "id" = ${suggestion.articleId}::uuid FOR SHARE`;
    if (!article || article.revision !== suggestion.revision) throw suggestionStaleError();

    const result = { suggestionId: suggestion.id, dismissed: options.dismissed };
    if ((suggestion.dismissedAt !== null) === options.dismissed) return { ...result, changed: false };
    const dismissedAt = options.dismissed ? new Date() : null;
    const { count } = await tx.claimSuggestion.updateMany({
      where: { id: suggestion.id, dismissedAt: options.dismissed ? null : { not: null } },
      data: { dismissedAt, dismissedById: options.dismissed ? actor.id : null },
    });
    // Someone else made the same decision a moment earlier: the state asked for is already there.
    if (count === 0) return { ...result, changed: false };
    const { id: _id, dismissedAt: before, ...snapshot } = suggestion;
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: options.dismissed ? "suggestion.dismiss" : "suggestion.undismiss",
      entityType: "ClaimSuggestion",
      entityId: suggestion.id,
      before: { ...snapshot, dismissedAt: before },
      after: { ...snapshot, dismissedAt },
    });
    return { ...result, changed: true };
  });
}
