import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { forgetExclusions } from "./exclusions";
import type { AddClaimToGroupInput } from "./group-schemas";
import { groupSnapshot, lockGroup } from "./group-state";

/**
 * Adds a claim the proposals missed. The editor's word overrides any earlier exclusion between it
 * and the group's claims. A claim already in another group is refused: merging the two groups says
 * the same and keeps both groups' history.
 */
export async function addClaimToGroup(options: { actor: Actor; input: AddClaimToGroupInput }) {
  authorize(options.actor, "group.edit");
  const { groupId, expectedUpdatedAt } = options.input;
  const claimId = options.input.claim.toLowerCase();
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId, expectedUpdatedAt);
    const claim = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: { id: true, category: true, groupId: true } });
    if (!claim) throw new DerekError("libGrouping.refusal.claimNotFound", { field: "claim", kind: "not-found" });
    if (claim.groupId === groupId) throw new DerekError("libGrouping.refusal.claimAlreadyInGroup", { field: "claim" });
    if (claim.groupId) throw new DerekError("libGrouping.refusal.claimInOtherGroup", { field: "claim" });
    const category = group.members[0]?.category;
    if (category && claim.category !== category)
      // The codes, which the catalogs name in the reader's language (libGrouping.refusal).
      throw new DerekError("libGrouping.refusal.claimCategoryDiffers", { params: { claimCategory: claim.category, groupCategory: category }, field: "claim" });

    const forgotten = await forgetExclusions(tx, [claimId], group.members.map((m) => m.id));
    await tx.claim.update({ where: { id: claimId }, data: { groupId } });
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.add_claim",
      entityType: "ClaimGroup",
      entityId: groupId,
      before: groupSnapshot(group),
      after: { ...groupSnapshot({ ...group, members: [...group.members, claim] }), addedClaimId: claimId, exclusionsForgotten: forgotten },
    });
    return { groupId, updatedAt: group.updatedAt };
  }, { timeout: 20_000 });
}
