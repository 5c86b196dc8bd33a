import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { ClaimCategory, ClaimGroupStatus } from "@/lib/generated/prisma/client";
import { GROUP_CLAIM_DETAIL_SELECT, toGroupClaimDetail, type GroupClaimDetail } from "./group-claims";
import { listGroups } from "./list-groups";
import type { CodedMessage } from "@/lib/core/message-codes";

export const CONFLICT_PAGE_SIZE = 10;

export interface ConflictingPair {
  a: GroupClaimDetail;
  b: GroupClaimDetail;
  /** The two figures as read ("[0, 0] and [10, ∞)"), as a coded message. */
  reason: CodedMessage;
}

/**
 * Groups whose reports of one fact disagree, newest first, each conflicting pair with both claims
 * and their sources side by side (the ministry's statement against the rights defenders' report).
 */
export async function listConflicts(options: {
  actor: Actor;
  filters?: { status?: ClaimGroupStatus; category?: ClaimCategory };
  after?: string | null;
  take?: number;
}) {
  authorize(options.actor, "ledger.read");
  const page = await listGroups({ actor: options.actor, filters: { ...options.filters, conflict: true }, after: options.after, take: options.take ?? CONFLICT_PAGE_SIZE });
  const ids = [...new Set(page.items.flatMap((g) => g.conflicts.flatMap((c) => [c.aId, c.bId])))];
  const rows = ids.length ? await db.claim.findMany({ where: { id: { in: ids } }, select: GROUP_CLAIM_DETAIL_SELECT }) : [];
  const byId = new Map(rows.map((row) => [row.id, toGroupClaimDetail(row)]));
  const items = page.items.map((group) => ({
    id: group.id,
    label: group.label,
    status: group.status,
    claimCount: group.claims.length,
    pairs: group.conflicts.flatMap((c): ConflictingPair[] => {
      const a = byId.get(c.aId);
      const b = byId.get(c.bId);
      return a && b ? [{ a, b, reason: c.reason }] : [];
    }),
  }));
  return { items, next: page.next };
}
