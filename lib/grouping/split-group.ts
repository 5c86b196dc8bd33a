import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { crossPairs, recordExclusions } from "./exclusions";
import type { SplitGroupInput } from "./group-schemas";
import { groupSnapshot, lockGroup } from "./group-state";

/**
 * Splits a group in two: the ticked claims report one fact, the rest another. No claim of one part
 * is proposed with a claim of the other again. Each part of two or more claims stays a group with
 * the original's status (the ticked part becomes a new group); a part of one claim is set free.
 */
export async function splitGroup(options: { actor: Actor; input: SplitGroupInput }) {
  authorize(options.actor, "group.edit");
  const { groupId, expectedUpdatedAt } = options.input;
  const ticked = new Set(options.input.claimIds.map((id) => id.toLowerCase()));
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId, expectedUpdatedAt);
    const memberIds = new Set(group.members.map((m) => m.id));
    if ([...ticked].some((id) => !memberIds.has(id)))
      throw new DerekError("libGrouping.refusal.splitClaimsGone", { field: "claimIds", kind: "conflict" });
    const moved = group.members.filter((m) => ticked.has(m.id)).map((m) => m.id);
    const stay = group.members.filter((m) => !ticked.has(m.id)).map((m) => m.id);
    if (stay.length === 0) throw new DerekError("libGrouping.refusal.splitNeedsTwoParts", { field: "claimIds" });

    const exclusions = await recordExclusions(tx, crossPairs(moved, stay), options.actor.id);
    let newGroupId: string | null = null;
    if (moved.length >= 2) {
      const created = await tx.claimGroup.create({ data: { status: group.status, createdById: options.actor.id }, select: { id: true } });
      newGroupId = created.id;
    }
    await tx.claim.updateMany({ where: { id: { in: moved } }, data: { groupId: newGroupId } });

    const kept = stay.length >= 2;
    if (!kept) await tx.claimGroup.delete({ where: { id: groupId } });

    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.split",
      entityType: "ClaimGroup",
      entityId: groupId,
      before: groupSnapshot(group),
      after: { ...groupSnapshot({ ...group, members: kept ? stay.map((id) => ({ id })) : [] }), movedClaimIds: moved, newGroupId, exclusions, dissolved: !kept },
    });
    if (newGroupId)
      await recordAuditEvent(tx, {
        actorId: options.actor.id,
        action: "group.split",
        entityType: "ClaimGroup",
        entityId: newGroupId,
        after: { ...groupSnapshot({ status: group.status, label: null, members: moved.map((id) => ({ id })) }), splitFrom: groupId },
      });
    return { groupId: kept ? groupId : null, newGroupId, updatedAt: kept ? group.updatedAt : null };
  }, { timeout: 20_000 });
}
