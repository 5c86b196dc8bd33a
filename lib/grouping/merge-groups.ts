import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { forgetExclusions } from "./exclusions";
import { recordMergedAway } from "./group-aliases";
import type { MergeGroupsInput } from "./group-schemas";
import { groupSnapshot, lockGroup } from "./group-state";

/**
 * Merges two groups: all their claims report one fact. The result is confirmed if either group was
 * (an editor's confirmation is never lost). A confirmed group keeps its id when a proposal is merged
 * into it, whichever group's page the merge was made on: its address is the one people have linked
 * to. Otherwise this group keeps its id. The survivor keeps its label, or takes the other's if it has
 * none; the other's id is recorded as an alias, so its old address leads to the survivor. An
 * editor's explicit merge overrides their earlier exclusions between the two groups' claims: those
 * are forgotten, so a later split or removal records anew.
 * Only this group's state is checked against what the editor saw; the other is taken as it is.
 */
export async function mergeGroups(options: { actor: Actor; input: MergeGroupsInput }) {
  authorize(options.actor, "group.edit");
  const { groupId, expectedUpdatedAt } = options.input;
  const otherGroupId = options.input.otherGroupId.toLowerCase();
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId, expectedUpdatedAt);
    const other = await lockGroup(tx, otherGroupId, null).catch((error: unknown) => {
      if (error instanceof DerekError && error.kind === "not-found")
        throw new DerekError("libGrouping.refusal.mergeTargetGone", { field: "otherGroupId", kind: "not-found" });
      throw error;
    });
    // Two kinds name the refusal: a third is there only if a claim's category was edited after it
    // was grouped, and each code is one argument the catalogs name in the reader's language.
    const [category, otherCategory] = new Set([...group.members, ...other.members].map((m) => m.category));
    if (otherCategory)
      throw new DerekError("libGrouping.refusal.mergeCategoriesDiffer", { params: { a: category, b: otherCategory }, field: "otherGroupId" });

    const otherSurvives = other.status === "CONFIRMED" && group.status === "PROPOSED";
    const [survivor, gone] = otherSurvives ? [other, group] : [group, other];

    const forgotten = await forgetExclusions(tx, survivor.members.map((m) => m.id), gone.members.map((m) => m.id));
    // Deleted claims move too, so a claim restored later is back in the group it was in.
    await tx.claim.updateMany({ where: { groupId: gone.id }, data: { groupId: survivor.id } });
    await recordMergedAway(tx, gone.id, survivor.id);
    await tx.claimGroup.delete({ where: { id: gone.id } });
    const status = survivor.status === "CONFIRMED" || gone.status === "CONFIRMED" ? "CONFIRMED" : "PROPOSED";
    const label = survivor.label ?? gone.label;
    // Explicitly the value the lock moved it to: the clock of this process may lag the database's.
    await tx.claimGroup.update({ where: { id: survivor.id }, data: { status, label, updatedAt: survivor.updatedAt } });

    const merged = { status, label, members: [...survivor.members, ...gone.members] };
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.merge",
      entityType: "ClaimGroup",
      entityId: survivor.id,
      before: { ...groupSnapshot(survivor), mergedGroup: { id: gone.id, ...groupSnapshot(gone) } },
      after: { ...groupSnapshot(merged), exclusionsForgotten: forgotten },
    });
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.merge",
      entityType: "ClaimGroup",
      entityId: gone.id,
      before: groupSnapshot(gone),
      after: { mergedInto: survivor.id },
    });
    return { groupId: survivor.id, updatedAt: survivor.updatedAt };
  }, { timeout: 20_000 });
}
