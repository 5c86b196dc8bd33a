import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { parseDateOnly } from "@/lib/core/dates";
import { claimNotFoundError } from "./claim-errors";
import type { UpdateClaimInput } from "./claim-schemas";
import { CLAIM_AUDIT_FIELDS, claimConflict } from "./claim-snapshot";
import { linkSources } from "./link-sources";

/** Changes what a claim says and its sources; the span stays. Refused if the claim moved on meanwhile. */
export async function updateClaim(options: { actor: Actor; input: UpdateClaimInput }) {
  const { claimId, expectedVersion, sources, ...fields } = options.input;
  return db.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: CLAIM_AUDIT_FIELDS });
    if (!before) throw claimNotFoundError();
    authorize(options.actor, "claim.edit", before);
    // The version in the WHERE makes a stale change match no row instead of overwriting.
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, version: expectedVersion, deletedAt: null },
      data: {
        ...fields,
        eventDate: fields.eventDate ? parseDateOnly(fields.eventDate) : null,
        // A returned claim that is edited goes back to being a draft until it is resubmitted.
        status: before.status === "RETURNED" ? "DRAFT" : before.status,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await claimConflict(tx, claimId);
    await tx.claimSource.deleteMany({ where: { claimId } });
    await linkSources(tx, { actorId: options.actor.id, claimId, sources });
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: CLAIM_AUDIT_FIELDS });
    await recordAuditEvent(tx, { actorId: options.actor.id, action: "claim.update", entityType: "Claim", entityId: claimId, before, after: { ...after, sources } });
    return after;
  });
}
