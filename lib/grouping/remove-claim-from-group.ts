import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { crossPairs, recordExclusions } from "./exclusions";
import type { RemoveClaimFromGroupInput } from "./group-schemas";
import { groupSnapshot, lockGroup } from "./group-state";

/**
 * Takes a claim out of a group: it does not report the group's fact. That is remembered against
 * each remaining claim, so it is never proposed with them again. A group left with one claim is
 * no group: it is dissolved and that claim is free again.
 */
export async function removeClaimFromGroup(options: { actor: Actor; input: RemoveClaimFromGroupInput }) {
  authorize(options.actor, "group.edit");
  const { groupId, expectedUpdatedAt } = options.input;
  const claimId = options.input.claimId.toLowerCase();
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId, expectedUpdatedAt);
    if (!group.members.some((m) => m.id === claimId)) throw new DerekError("libGrouping.refusal.claimNotInGroup", { kind: "conflict" });
    const remaining = group.members.filter((m) => m.id !== claimId);
    const exclusions = await recordExclusions(tx, crossPairs([claimId], remaining.map((m) => m.id)), options.actor.id);
    await tx.claim.update({ where: { id: claimId }, data: { groupId: null } });

    const dissolved = remaining.length < 2;
    if (dissolved) await tx.claimGroup.delete({ where: { id: groupId } });
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.remove_claim",
      entityType: "ClaimGroup",
      entityId: groupId,
      before: groupSnapshot(group),
      after: { ...groupSnapshot({ ...group, members: dissolved ? [] : remaining }), removedClaimId: claimId, exclusions, dissolved },
    });
    return { groupId: dissolved ? null : groupId, updatedAt: dissolved ? null : group.updatedAt };
  }, { timeout: 20_000 });
}
