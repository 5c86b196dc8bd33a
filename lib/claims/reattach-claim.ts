import { selectorFor } from "@/lib/anchoring";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/core/ids";
import { articleChangedError, claimNotFoundError } from "./claim-errors";
import { claimRangeIn } from "./claim-range";
import { CLAIM_AUDIT_FIELDS, claimConflict } from "./claim-snapshot";

export interface ReattachClaimOptions {
  actor: Actor;
  claimId: string;
  /** The claim's version the editor saw. */
  expectedVersion: number;
  /** The article revision the selection was made in: offsets mean nothing in another text. */
  expectedRevision: number;
  start: number;
  end: number;
}

/**
 * Attaches a claim (typically an orphaned one) to words the editor selected in the article's
 * current text. The new quote and context replace the old ones; the old quote stays in the audit
 * event.
 */
export async function reattachClaim(options: ReattachClaimOptions) {
  const { actor, claimId, expectedVersion, expectedRevision } = options;
  if (!isUuid(claimId)) throw claimNotFoundError();
  return db.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: CLAIM_AUDIT_FIELDS });
    if (!before) throw claimNotFoundError();
    authorize(actor, "claim.edit", before);

    // Share-locked so an edit of the article cannot land between checking the revision and
    // storing offsets into its text; the edit waits, and then re-anchors this claim.
    const [article] = await tx.$queryRaw<{ revision: number; bodyText: string }[]>`
      SELECT "revision", "bodyText" FROM "Article" WHERE "id" = ${before.articleId}::uuid FOR SHARE`;
    if (article.revision !== expectedRevision) {
      const latest = await tx.articleRevision.findFirst({
        where: { articleId: before.articleId },
        orderBy: { revision: "desc" },
        select: { createdAt: true, createdBy: { select: { name: true } } },
      });
      throw articleChangedError(article.revision, latest?.createdBy?.name ?? null, latest?.createdAt ?? null);
    }
    const range = claimRangeIn(article.bodyText, options.start, options.end);
    const selector = selectorFor(article.bodyText, range.start, range.end);

    // The version in the WHERE makes a stale change match no row instead of overwriting.
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, version: expectedVersion, deletedAt: null },
      data: {
        start: selector.start,
        end: selector.end,
        quote: selector.quote,
        prefix: selector.prefix,
        suffix: selector.suffix,
        anchorStatus: "ANCHORED",
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await claimConflict(tx, claimId);
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: CLAIM_AUDIT_FIELDS });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "claim.reattach",
      entityType: "Claim",
      entityId: claimId,
      before,
      after: { ...after, articleRevision: article.revision },
    });
    return after;
  });
}
