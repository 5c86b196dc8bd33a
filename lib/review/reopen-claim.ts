import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { claimNotFoundError } from "@/lib/claims/claim-errors";
import { claimConflict } from "@/lib/claims/claim-snapshot";
import { db } from "@/lib/db/client";
import type { ReopenClaimInput } from "./review-schemas";
import { authorizeDecider } from "./authorize-decider";
import { REVIEW_AUDIT_FIELDS } from "./review-snapshot";

/**
 * Puts a verified claim back in the review queue, with the reason. The claim loses its verdict
 * (it is no longer the newsroom's word), but the Review rows and audit events of earlier
 * verdicts stay: re-opening adds to the history, it never rewrites it.
 */
export async function reopenClaim(options: { actor: Actor; input: ReopenClaimInput }) {
  const { claimId, expectedVersion, reason } = options.input;
  return db.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: REVIEW_AUDIT_FIELDS });
    if (!before) throw claimNotFoundError();
    // Who may re-open first: someone who may not must not learn who changed the claim and when.
    authorizeDecider(options.actor, "claim.reopen", before);
    if (before.version !== expectedVersion) throw await claimConflict(tx, claimId);
    authorize(options.actor, "claim.reopen", before);
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, version: expectedVersion, deletedAt: null },
      // Back in the queue, at its end: it waits from its re-opening.
      data: { status: "SUBMITTED", rating: null, assigneeId: null, queuedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw await claimConflict(tx, claimId);
    const review = await tx.review.create({
      data: { claimId, reviewerId: options.actor.id, decision: "REOPENED", comment: reason },
      select: { id: true, decision: true, rating: true, comment: true },
    });
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: REVIEW_AUDIT_FIELDS });
    await recordAuditEvent(tx, { actorId: options.actor.id, action: "claim.reopen", entityType: "Claim", entityId: claimId, before, after: { ...after, review } });
    return after;
  });
}
