import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { allPairs, recordExclusions } from "./exclusions";
import type { DissolveGroupInput } from "./group-schemas";
import { groupSnapshot, lockGroup } from "./group-state";

/**
 * Rejects a proposal: none of its claims report the same fact as another, and none of these pairs
 * is proposed again. A confirmed group is not rejected wholesale; an editor takes claims out of it
 * (removing the last but one dissolves it).
 */
export async function dissolveGroup(options: { actor: Actor; input: DissolveGroupInput }) {
  authorize(options.actor, "group.edit");
  const { groupId, expectedUpdatedAt } = options.input;
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId, expectedUpdatedAt);
    if (group.status === "CONFIRMED") throw new DerekError("libGrouping.refusal.confirmedNotRejected");
    const exclusions = await recordExclusions(tx, allPairs(group.members.map((m) => m.id)), options.actor.id);
    // Its claims, deleted ones included, are let go by the foreign key's ON DELETE SET NULL.
    await tx.claimGroup.delete({ where: { id: groupId } });
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.dissolve",
      entityType: "ClaimGroup",
      entityId: groupId,
      before: groupSnapshot(group),
      after: { exclusions },
    });
    return { groupId: null, updatedAt: null };
  }, { timeout: 20_000 });
}
