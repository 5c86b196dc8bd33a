import type { Tx } from "@/lib/db/client";

/** Claim ids as the table stores a pair: the smaller first (the database checks it). */
export function exclusionPair(a: string, b: string): { claimAId: string; claimBId: string } {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? { claimAId: x, claimBId: y } : { claimAId: y, claimBId: x };
}

export function pairKey(a: string, b: string): string {
  const { claimAId, claimBId } = exclusionPair(a, b);
  return `${claimAId}|${claimBId}`;
}

/** Every pair with one claim from each side. */
export function crossPairs(left: readonly string[], right: readonly string[]): [string, string][] {
  return left.flatMap((a) => right.map((b): [string, string] => [a, b]));
}

/** Every pair within one set of claims. */
export function allPairs(ids: readonly string[]): [string, string][] {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b): [string, string] => [a, b]));
}

/** Records that these pairs are not the same fact; a pair already recorded stays as it was. */
export async function recordExclusions(tx: Tx, pairs: readonly [string, string][], actorId: string): Promise<number> {
  if (pairs.length === 0) return 0;
  const { count } = await tx.claimGroupExclusion.createMany({
    data: pairs.map(([a, b]) => ({ ...exclusionPair(a, b), createdById: actorId })),
    skipDuplicates: true,
  });
  return count;
}

/** An editor's explicit "these are the same fact" overrides their earlier "they are not". */
export async function forgetExclusions(tx: Tx, left: readonly string[], right: readonly string[]): Promise<number> {
  if (left.length === 0 || right.length === 0) return 0;
  const { count } = await tx.claimGroupExclusion.deleteMany({
    where: {
      OR: [
        { claimAId: { in: [...left] }, claimBId: { in: [...right] } },
        { claimAId: { in: [...right] }, claimBId: { in: [...left] } },
      ],
    },
  });
  return count;
}
