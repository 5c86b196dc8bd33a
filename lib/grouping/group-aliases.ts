import { authorize, type Actor } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/core/ids";

/**
 * Where a merged-away group's claims are now: the id of the group its old address leads to, or
 * null for an id that was never merged (or whose claims' group was dissolved since).
 */
export async function mergedGroupTarget(options: { actor: Actor; groupId: string }): Promise<string | null> {
  authorize(options.actor, "ledger.read");
  if (!isUuid(options.groupId)) return null;
  const alias = await db.claimGroupAlias.findUnique({ where: { id: options.groupId.toLowerCase() }, select: { groupId: true } });
  return alias?.groupId ?? null;
}

/**
 * Records that `goneId` was merged into `survivorId`, and moves every address that led to the gone
 * group along with it, so a chain of merges still takes one lookup. Call before deleting the gone
 * group: its own aliases would go with it.
 */
export async function recordMergedAway(tx: Tx, goneId: string, survivorId: string): Promise<void> {
  await tx.claimGroupAlias.updateMany({ where: { groupId: goneId }, data: { groupId: survivorId } });
  await tx.claimGroupAlias.create({ data: { id: goneId, groupId: survivorId } });
}
