import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { UserInputError } from "@/lib/users/user-errors";
import { forgetExclusions } from "./exclusions";
import type { MergeGroupsInput } from "./group-schemas";
import { groupSnapshot, lockGroup } from "./group-state";

/**
 * Merges another group into this one: all their claims report one fact. The result is confirmed if
 * either group was (an editor's confirmation is never lost), and keeps this group's label, or the
 * other's if this one has none. An editor's explicit merge overrides their earlier exclusions
 * between the two groups' claims: those are forgotten, so a later split or removal records anew.
 * Only this group's state is checked against what the editor saw; the other is taken as it is.
 */
export async function mergeGroups(options: { actor: Actor; input: MergeGroupsInput }) {
  authorize(options.actor, "group.edit");
  const { groupId, expectedUpdatedAt } = options.input;
  const otherGroupId = options.input.otherGroupId.toLowerCase();
  return db.$transaction(async (tx) => {
    const group = await lockGroup(tx, groupId, expectedUpdatedAt);
    const other = await lockGroup(tx, otherGroupId, null).catch((error: unknown) => {
      if (error instanceof UserInputError && error.code === "not-found")
        throw new UserInputError("The group to merge with no longer exists. Choose another.", "otherGroupId", "not-found");
      throw error;
    });
    // Two kinds name the refusal: a third is there only if a claim's category was edited after it
    // was grouped, and each code is one argument the catalogs name in the reader's language.
    const [category, otherCategory] = new Set([...group.members, ...other.members].map((m) => m.category));
    if (otherCategory)
      throw new UserInputError(`These groups hold different kinds of figures (${category}, ${otherCategory}); claims of one fact share a category.`, "otherGroupId");

    const forgotten = await forgetExclusions(tx, group.members.map((m) => m.id), other.members.map((m) => m.id));
    // Deleted claims move too, so a claim restored later is back in the group it was in.
    await tx.claim.updateMany({ where: { groupId: otherGroupId }, data: { groupId } });
    await tx.claimGroup.delete({ where: { id: otherGroupId } });
    const status = group.status === "CONFIRMED" || other.status === "CONFIRMED" ? "CONFIRMED" : "PROPOSED";
    const label = group.label ?? other.label;
    // Explicitly the value the lock moved it to: the clock of this process may lag the database's.
    await tx.claimGroup.update({ where: { id: groupId }, data: { status, label, updatedAt: group.updatedAt } });

    const merged = { status, label, members: [...group.members, ...other.members] };
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.merge",
      entityType: "ClaimGroup",
      entityId: groupId,
      before: { ...groupSnapshot(group), mergedGroup: { id: otherGroupId, ...groupSnapshot(other) } },
      after: { ...groupSnapshot(merged), exclusionsForgotten: forgotten },
    });
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "group.merge",
      entityType: "ClaimGroup",
      entityId: otherGroupId,
      before: groupSnapshot(other),
      after: { mergedInto: groupId },
    });
    return { groupId, updatedAt: group.updatedAt };
  }, { timeout: 20_000 });
}
