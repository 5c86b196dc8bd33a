import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { UserInputError } from "@/lib/users/user-errors";
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
    if (!claim) throw new UserInputError("There is no such claim: it does not exist or was deleted.", "claim", "not-found");
    if (claim.groupId === groupId) throw new UserInputError("This claim is already in the group.", "claim");
    if (claim.groupId) throw new UserInputError("This claim is in another group. Open that group and merge the two instead.", "claim");
    const category = group.members[0]?.category;
    if (category && claim.category !== category)
      // The codes, which the catalogs name in the reader's language (libGrouping.refusal).
      throw new UserInputError(`This claim is a ${claim.category} figure and the group's are ${category}; claims of one fact share a category.`, "claim");

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
