import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { clusterClaims } from "./cluster-claims";
import { pairKey } from "./exclusions";
import { lockGrouping } from "./group-state";
import { GROUPING_CLAIM_SELECT, toGroupingClaim } from "./grouping-claims";

export interface ProposeGroupsResult {
  /** New proposed groups written. */
  proposed: number;
  /** Earlier proposals that the run found again exactly, left as they were. */
  kept: number;
  /** Earlier proposals the run no longer makes (their claims changed, or an editor's exclusion). */
  withdrawn: number;
  /** Claims looked at: live ones not in a confirmed group. */
  claims: number;
  /** Pairs the rule compared. */
  comparisons: number;
}

/**
 * Proposes groups of claims that report the same fact, over every live claim not already in a
 * confirmed group (confirmed groups are the editors' word and are never touched). Proposals are
 * re-drawn as a whole: an earlier proposal found again exactly is kept (its link stays valid),
 * any other is withdrawn, and the new ones are written. Pairs an editor kept apart are never
 * proposed together. One transaction: a run is applied completely or not at all.
 */
export async function proposeGroups(options: { actor: Actor }): Promise<ProposeGroupsResult> {
  authorize(options.actor, "group.edit");
  const actorId = options.actor.id;
  return db.$transaction(
    async (tx) => {
      await lockGrouping(tx);
      const rows = await tx.claim.findMany({
        where: { deletedAt: null, OR: [{ groupId: null }, { group: { status: "PROPOSED" } }] },
        select: GROUPING_CLAIM_SELECT,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      const ids = rows.map((r) => r.id);
      // Only exclusions touching these claims can matter; asked in slices to keep the statement small.
      const excluded = new Set<string>();
      for (let i = 0; i < ids.length; i += 5000) {
        const slice = ids.slice(i, i + 5000);
        const found = await tx.claimGroupExclusion.findMany({ where: { claimAId: { in: slice } }, select: { claimAId: true, claimBId: true } });
        for (const e of found) excluded.add(pairKey(e.claimAId, e.claimBId));
      }
      const { clusters, comparisons } = clusterClaims(rows.map(toGroupingClaim), { isExcluded: (a, b) => excluded.has(pairKey(a, b)) });

      const earlier = await tx.claimGroup.findMany({
        where: { status: "PROPOSED" },
        select: { id: true, label: true, claims: { where: { deletedAt: null }, select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
      });
      const key = (claimIds: readonly string[]) => [...claimIds].sort().join(",");
      const fresh = new Map(clusters.map((cluster) => [key(cluster), cluster]));
      const stale: typeof earlier = [];
      for (const group of earlier) {
        // Found again exactly: kept, and not written anew.
        if (!fresh.delete(key(group.claims.map((c) => c.id)))) stale.push(group);
      }

      if (stale.length > 0) {
        // Their claims (deleted ones too) are let go by the foreign key's ON DELETE SET NULL.
        await tx.claimGroup.deleteMany({ where: { id: { in: stale.map((g) => g.id) }, status: "PROPOSED" } });
        for (const group of stale) {
          await recordAuditEvent(tx, {
            actorId,
            action: "group.withdraw",
            entityType: "ClaimGroup",
            entityId: group.id,
            before: { status: "PROPOSED", label: group.label, claimIds: group.claims.map((c) => c.id) },
          });
        }
      }

      for (const claimIds of fresh.values()) {
        const group = await tx.claimGroup.create({ data: { status: "PROPOSED", createdById: actorId }, select: { id: true } });
        const { count } = await tx.claim.updateMany({ where: { id: { in: claimIds }, deletedAt: null, groupId: null }, data: { groupId: group.id } });
        // Everything else that writes groups waits for the lock, so this only fails if a claim was
        // deleted or grouped by something that does not take it.
        if (count !== claimIds.length) throw new DerekError("libGrouping.refusal.claimsChangedWhileProposing", { kind: "conflict" });
        await recordAuditEvent(tx, {
          actorId,
          action: "group.propose",
          entityType: "ClaimGroup",
          entityId: group.id,
          after: { status: "PROPOSED", label: null, claimIds },
        });
      }

      return { proposed: fresh.size, kept: earlier.length - stale.length, withdrawn: stale.length, claims: rows.length, comparisons };
    },
    // A run over every ungrouped claim takes longer than an editor's change; it holds the
    // grouping lock meanwhile.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
