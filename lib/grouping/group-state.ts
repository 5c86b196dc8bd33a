import { DerekError } from "@/lib/core/errors";
import type { Tx } from "@/lib/db/client";

/**
 * Every write to claim groups (an editor's change, a proposal run) takes this one transaction-level
 * lock, so a proposal run never re-draws a group while an editor is splitting it, and two editors'
 * changes to overlapping groups happen one after the other. Changes are small; a proposal run
 * holds it for the seconds it takes.
 */
export async function lockGrouping(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('derek.claim-groups'))::text`;
}

export interface GroupMember {
  id: string;
  articleId: string;
  category: string;
  claimant: string | null;
}

export interface LockedGroup {
  id: string;
  status: "PROPOSED" | "CONFIRMED";
  label: string | null;
  updatedAt: Date;
  /** Live claims (not deleted), oldest first. */
  members: GroupMember[];
}

/** What an audit event records of a group before and after a change. */
export function groupSnapshot(group: { status: string; label: string | null; members: { id: string }[] }) {
  return { status: group.status, label: group.label, claimIds: group.members.map((m) => m.id) };
}

export function groupChangedError(): DerekError {
  return new DerekError("libGrouping.refusal.changedMeanwhile", { kind: "conflict" });
}

export function groupNotFoundError(): DerekError {
  return new DerekError("libGrouping.refusal.groupGone", { kind: "not-found" });
}

export async function loadMembers(tx: Tx, groupId: string): Promise<GroupMember[]> {
  return tx.claim.findMany({
    where: { groupId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, articleId: true, category: true, claimant: true },
  });
}

/**
 * Takes the grouping lock, then the group as it is now, provided it is as the editor saw it
 * (`expectedUpdatedAt`; null to take it as it is, for the other side of a merge). Its updatedAt
 * moves on at once (by at least a millisecond, so two quick changes never share one), which is
 * what makes every later change made on the old state fail; if the change itself then fails, the
 * transaction takes that back too. The returned updatedAt is the group's new state for the editor.
 */
export async function lockGroup(tx: Tx, groupId: string, expectedUpdatedAt: string | null): Promise<LockedGroup> {
  await lockGrouping(tx);
  const expected = expectedUpdatedAt === null ? null : new Date(expectedUpdatedAt);
  const rows = await tx.$queryRaw<{ id: string; status: "PROPOSED" | "CONFIRMED"; label: string | null; updatedAt: Date }[]>`
    UPDATE "ClaimGroup"
    SET "updatedAt" = GREATEST(clock_timestamp(), "updatedAt" + interval '1 millisecond')
    WHERE id = ${groupId}::uuid AND (${expected}::timestamptz IS NULL OR "updatedAt" = ${expected}::timestamptz)
    RETURNING id, status::text AS status, label, "updatedAt"`;
  if (rows.length === 0) {
    const exists = await tx.claimGroup.count({ where: { id: groupId } });
    throw exists ? groupChangedError() : groupNotFoundError();
  }
  return { ...rows[0], members: await loadMembers(tx, groupId) };
}
