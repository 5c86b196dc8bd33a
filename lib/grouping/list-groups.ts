import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { ClaimCategory, ClaimGroupStatus, Prisma } from "@/lib/generated/prisma/client";
import { findConflicts, type ConflictPair } from "./conflicts";
import { GROUP_CLAIM_SUMMARY_SELECT, LIVE_CLAIMS_IN_ORDER, toGroupClaimSummary, type GroupClaimSummary } from "./group-claims";

export const GROUP_PAGE_SIZE = 25;

/**
 * With "only groups in conflict", groups are read in batches of this many until a page is full:
 * whether figures conflict is decided by the rounding rules in figure-interval.ts, which the
 * database does not know.
 */
const CONFLICT_SCAN_BATCH = 200;

export interface GroupFilters {
  status?: ClaimGroupStatus;
  category?: ClaimCategory;
  /** Only groups with at least one pair of figures that cannot both be true. */
  conflict?: boolean;
}

export interface GroupSummary {
  id: string;
  label: string | null;
  status: ClaimGroupStatus;
  createdAt: Date;
  updatedAt: Date;
  claims: GroupClaimSummary[];
  conflicts: ConflictPair[];
}

/**
 * Groups of the same claim, newest first (ids are time-ordered uuids; a page continues after the
 * last id of the previous one). Groups whose claims were all deleted are left out: they report
 * nothing any more.
 */
export async function listGroups(options: { actor: Actor; filters?: GroupFilters; after?: string | null; take?: number }) {
  authorize(options.actor, "ledger.read");
  const filters = options.filters ?? {};
  const take = options.take ?? GROUP_PAGE_SIZE;
  const where: Prisma.ClaimGroupWhereInput = {
    status: filters.status,
    claims: { some: { deletedAt: null, ...(filters.category ? { category: filters.category } : {}) } },
  };
  const batch = filters.conflict ? CONFLICT_SCAN_BATCH : take + 1;

  const items: GroupSummary[] = [];
  let cursor = options.after ?? null;
  for (;;) {
    const groups = await db.claimGroup.findMany({
      where: cursor ? { ...where, id: { lt: cursor } } : where,
      orderBy: { id: "desc" },
      take: batch,
      select: { id: true, label: true, status: true, createdAt: true, updatedAt: true, claims: { ...LIVE_CLAIMS_IN_ORDER, select: GROUP_CLAIM_SUMMARY_SELECT } },
    });
    for (const group of groups) {
      const claims = group.claims.map(toGroupClaimSummary);
      const conflicts = findConflicts(claims);
      if (filters.conflict && conflicts.length === 0) continue;
      items.push({ ...group, claims, conflicts });
      if (items.length > take) break;
    }
    if (items.length > take || groups.length < batch) break;
    cursor = groups.at(-1)!.id;
  }
  const page = items.slice(0, take);
  return { items: page, next: items.length > take ? page.at(-1)!.id : null };
}
