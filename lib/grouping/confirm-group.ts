import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import type { ConfirmGroupInput } from "./group-schemas";
import { groupSnapshot, lockGroup } from "./group-state";

/**
 * An editor confirms that a proposed group's claims report one fact, optionally naming it.
 * A confirmed group is the newsroom's word: proposal runs leave it alone.
 */
export async function confirmGroup(options: { actor: Actor; input: ConfirmGroupInput }) {
  authorize(options.actor, "group.edit");
  const { groupId, expectedUpdatedAt, label } = options.input;
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId, expectedUpdatedAt);
    if (group.status === "CONFIRMED") throw new DerekError("libGrouping.refusal.alreadyConfirmed");
    if (group.members.length < 2) throw new DerekError("libGrouping.refusal.confirmNeedsTwo");
    const updated = await tx.claimGroup.update({
      where: { id: groupId },
      // Explicitly the value the lock moved it to: the clock of this process may lag the database's.
      data: { status: "CONFIRMED", label: label ?? group.label, updatedAt: group.updatedAt },
      select: { id: true, status: true, label: true, updatedAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.confirm",
      entityType: "ClaimGroup",
      entityId: groupId,
      before: groupSnapshot(group),
      after: groupSnapshot({ ...updated, members: group.members }),
    });
    return { groupId: updated.id, updatedAt: updated.updatedAt };
  }, { timeout: 20_000 });
}
