import type { AuditAction } from "@/lib/core/audit-actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Action, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimNotFoundError } from "./claim-errors";
import type { ClaimRef } from "./claim-schemas";
import { CLAIM_AUDIT_FIELDS, claimConflict } from "./claim-snapshot";

interface StateChange {
  action: Action;
  auditAction: AuditAction;
  /** Which claims the change applies to: deleted ones only for a restore. */
  deleted: boolean;
  data: Prisma.ClaimUpdateManyMutationInput;
}

/** One optimistic-locked change of a claim's state, with its audit event. */
async function changeClaimState(actor: Actor, ref: ClaimRef, change: StateChange) {
  return db.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({
      where: { id: ref.claimId, deletedAt: change.deleted ? { not: null } : null },
      select: CLAIM_AUDIT_FIELDS,
    });
    if (!before) throw claimNotFoundError();
    authorize(actor, change.action, before);
    const { count } = await tx.claim.updateMany({
      where: { id: ref.claimId, version: ref.expectedVersion },
      data: { ...change.data, version: { increment: 1 } },
    });
    if (count === 0) throw await claimConflict(tx, ref.claimId);
    const after = await tx.claim.findUniqueOrThrow({ where: { id: ref.claimId }, select: CLAIM_AUDIT_FIELDS });
    await recordAuditEvent(tx, { actorId: actor.id, action: change.auditAction, entityType: "Claim", entityId: ref.claimId, before, after });
    return after;
  });
}

/** Soft delete: the claim disappears from the article and can be restored (undo). */
export function deleteClaim(options: { actor: Actor; ref: ClaimRef }) {
  return changeClaimState(options.actor, options.ref, {
    action: "claim.delete",
    auditAction: "claim.delete",
    deleted: false,
    data: { deletedAt: new Date() },
  });
}

export function restoreClaim(options: { actor: Actor; ref: ClaimRef }) {
  return changeClaimState(options.actor, options.ref, {
    action: "claim.delete",
    auditAction: "claim.restore",
    deleted: true,
    data: { deletedAt: null },
  });
}

export function submitClaim(options: { actor: Actor; ref: ClaimRef }) {
  return changeClaimState(options.actor, options.ref, {
    action: "claim.submit",
    auditAction: "claim.submit",
    deleted: false,
    // It waits from now: the review queue is ordered by queuedAt.
    data: { status: "SUBMITTED", queuedAt: new Date() },
  });
}
