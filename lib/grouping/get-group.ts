import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/core/ids";
import { findConflicts } from "./conflicts";
import { GROUP_CLAIM_DETAIL_SELECT, LIVE_CLAIMS_IN_ORDER, toGroupClaimDetail } from "./group-claims";
import { compareClaims } from "./same-fact";

/** Beyond this many claims the page stops explaining every pair (n² lines say nothing). */
const EXPLAINED_PAIRS_UP_TO = 12;

/**
 * One group as its page shows it: its claims with their articles and sources, the pairs whose
 * figures conflict, and, for a group of a readable size, how the same-fact rule sees each pair.
 * Null for a group that does not exist (or a malformed id in a link).
 */
export async function getGroup(options: { actor: Actor; groupId: string }) {
  authorize(options.actor, "ledger.read");
  if (!isUuid(options.groupId)) return null;
  const group = await db.claimGroup.findUnique({
    where: { id: options.groupId },
    select: {
      id: true,
      label: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      claims: { ...LIVE_CLAIMS_IN_ORDER, select: GROUP_CLAIM_DETAIL_SELECT },
    },
  });
  if (!group) return null;
  const claims = group.claims.map(toGroupClaimDetail);
  const pairs =
    claims.length <= EXPLAINED_PAIRS_UP_TO
      ? claims.flatMap((a, i) => claims.slice(i + 1).map((b) => ({ aId: a.id, bId: b.id, ...compareClaims(a, b) })))
      : null;
  return { ...group, createdBy: group.createdBy?.name ?? null, claims, conflicts: findConflicts(claims), pairs };
}

export type GroupDetail = NonNullable<Awaited<ReturnType<typeof getGroup>>>;
