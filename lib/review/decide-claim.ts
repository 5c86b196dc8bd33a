import type { AuditAction } from "@/lib/core/audit-actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { claimNotFoundError } from "@/lib/claims/claim-errors";
import { claimConflict } from "@/lib/claims/claim-snapshot";
import { db } from "@/lib/db/client";
import type { ClaimStatus, ReviewDecision } from "@/lib/generated/prisma/client";
import type { Decision, DecideClaimInput } from "./review-schemas";
import { authorizeDecider } from "./authorize-decider";
import { REVIEW_AUDIT_FIELDS } from "./review-snapshot";

const OUTCOME: Record<Decision, { status: ClaimStatus; review: ReviewDecision; auditAction: AuditAction }> = {
  APPROVE: { status: "VERIFIED", review: "APPROVED", auditAction: "claim.approve" },
  RETURN: { status: "RETURNED", review: "RETURNED", auditAction: "claim.return" },
  DISPUTE: { status: "DISPUTED", review: "DISPUTED", auditAction: "claim.dispute" },
};

/**
 * A reviewer's decision on a claim awaiting review: approve with a verdict, send it back to the
 * editor, or mark it disputed. The claim's state, the Review row and the audit event land
 * together or not at all, and only on the version the reviewer saw.
 */
export async function decideClaim(options: { actor: Actor; input: DecideClaimInput }) {
  const { claimId, expectedVersion, decision, rating, comment } = options.input;
  const outcome = OUTCOME[decision];
  return db.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: REVIEW_AUDIT_FIELDS });
    if (!before) throw claimNotFoundError();
    // Who may decide first (no conflict message, naming a colleague, for someone who may not);
    // then stale: a reviewer who lost a race to a colleague should learn who decided and when,
    // not be told the (now verified) claim "cannot be decided".
    authorizeDecider(options.actor, "claim.review", before);
    if (before.version !== expectedVersion) throw await claimConflict(tx, claimId);
    authorize(options.actor, "claim.review", before);
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, version: expectedVersion, deletedAt: null },
      data: {
        status: outcome.status,
        rating: decision === "APPROVE" ? rating : null,
        // An assignment lasts while the claim awaits review; a disputed claim still does.
        assigneeId: decision === "DISPUTE" ? before.assigneeId : null,
        // A dispute puts the claim back at the end of the queue; approving or returning takes it out,
        // and queuedAt is cleared so it only ever means "waiting since" (the next submit or re-open
        // sets it again).
        queuedAt: decision === "DISPUTE" ? new Date() : null,
        version: { increment: 1 },
      },
    });
    // The version in the WHERE is what settles a race: the loser's update matches no row.
    if (count === 0) throw await claimConflict(tx, claimId);
    const review = await tx.review.create({
      data: { claimId, reviewerId: options.actor.id, decision: outcome.review, rating: decision === "APPROVE" ? rating : null, comment },
      select: { id: true, decision: true, rating: true, comment: true },
    });
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: REVIEW_AUDIT_FIELDS });
    await recordAuditEvent(tx, { actorId: options.actor.id, action: outcome.auditAction, entityType: "Claim", entityId: claimId, before, after: { ...after, review } });
    return after;
  });
}
