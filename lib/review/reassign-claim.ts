import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, decide, isAwaitingReview, type Actor } from "@/lib/auth/policy";
import { claimNotFoundError } from "@/lib/claims/claim-errors";
import { claimConflict } from "@/lib/claims/claim-snapshot";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import type { ReassignClaimInput } from "./review-schemas";
import { REVIEW_AUDIT_FIELDS } from "./review-snapshot";

/**
 * "An admin can reassign": an admin names the reviewer who should decide a claim awaiting review
 * (or takes the assignment off). The claim then leads that reviewer's queue. It is a routing
 * hint, not a lock: any other reviewer the policy allows may still decide it, so a claim never
 * waits on someone who is away. The assignee must be someone the policy would let review this
 * very claim, so never its author.
 *
 * It changes the claim, so it bumps the version: a reviewer with the claim open learns of the
 * assignment through the usual conflict message instead of deciding past it unawares.
 */
export async function reassignClaim(options: { actor: Actor; input: ReassignClaimInput }) {
  const { claimId, expectedVersion, assigneeId } = options.input;
  authorize(options.actor, "claim.reassign");
  return db.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: REVIEW_AUDIT_FIELDS });
    if (!before) throw claimNotFoundError();
    if (before.version !== expectedVersion) throw await claimConflict(tx, claimId);
    if (!isAwaitingReview(before.status))
      throw new DerekError("libReview.onlyAwaitingAssignable", { field: "assigneeId" });

    let assigneeName: string | null = null;
    if (assigneeId) {
      const assignee = await tx.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true, role: true, active: true } });
      if (!assignee) throw new DerekError("libReview.noSuchReviewer", { field: "assigneeId" });
      if (!decide(assignee, "claim.review", before).allowed) {
        const why =
          assignee.id === before.authorId ? "libReview.assigneeWroteIt" : assignee.active ? "libReview.assigneeNotReviewer" : "libReview.assigneeDeactivated";
        throw new DerekError(why, { params: { name: assignee.name }, field: "assigneeId" });
      }
      assigneeName = assignee.name;
    }

    const { count } = await tx.claim.updateMany({
      where: { id: claimId, version: expectedVersion, deletedAt: null },
      data: { assigneeId, version: { increment: 1 } },
    });
    if (count === 0) throw await claimConflict(tx, claimId);
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: REVIEW_AUDIT_FIELDS });
    // The assignee's name goes into the event so the history reads without a second lookup.
    await recordAuditEvent(tx, { actorId: options.actor.id, action: "claim.reassign", entityType: "Claim", entityId: claimId, before, after: { ...after, assigneeName } });
    return after;
  });
}
