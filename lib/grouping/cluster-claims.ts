/**
 * From claims to proposed groups: find the pairs worth comparing without comparing all n², decide
 * each with the same-fact rule, and join the decided pairs into groups, strongest first, never
 * across a pair an editor kept apart.
 */
import { comparePrepared, oneArticleOneVoice, prepareClaim, type GroupingClaim, type PreparedClaim } from "./same-fact";

/**
 * A word stem shared by more claims of one category than this says nothing about which of them
 * report the same fact (the outlet's name, "Қазақстан", a category's own verb); pairs that share
 * only such keys are not compared. It bounds the work per claim to this many comparisons per key.
 */
export const MAX_SHARED_KEY = 100;

export interface ClusterOptions {
  /** Pairs an editor said are not the same fact (ClaimGroupExclusion), either order. */
  isExcluded: (aId: string, bId: string) => boolean;
}

export interface Link {
  aId: string;
  bId: string;
  score: number;
  conflict: boolean;
}

export interface ClusterResult {
  /** Each group's claim ids, in the order the claims were given. Groups of one are left out. */
  clusters: string[][];
  /** The same-fact pairs found, strongest first. */
  links: Link[];
  /** How many pairs the rule looked at (for the efficiency test and the run's report). */
  comparisons: number;
}

/**
 * The keys two claims must share at least one of to be compared. Every kind of evidence the rule
 * counts (a word, the claimant, the event date) is a key, and figures alone never reach the
 * threshold, so no pair the rule would accept is missed, except through MAX_SHARED_KEY.
 */
function blockingKeys(p: PreparedClaim): string[] {
  const keys = [...p.words].map((w) => `w:${w}`);
  if (p.claimantWords) for (const w of p.claimantWords) keys.push(`c:${w}`);
  if (p.claim.eventDate) keys.push(`d:${p.claim.eventDate}`);
  return keys;
}

function candidatePairs(bucket: readonly number[], prepared: readonly PreparedClaim[]): [number, number][] {
  const postings = new Map<string, number[]>();
  for (const index of bucket) {
    for (const key of blockingKeys(prepared[index])) {
      const list = postings.get(key);
      if (list) list.push(index);
      else postings.set(key, [index]);
    }
  }
  const pairs: [number, number][] = [];
  const seen = new Set<number>();
  for (const index of bucket) {
    seen.clear();
    for (const key of blockingKeys(prepared[index])) {
      const list = postings.get(key)!;
      if (list.length > MAX_SHARED_KEY) continue;
      for (const other of list) {
        if (other <= index || seen.has(other)) continue;
        seen.add(other);
        pairs.push([index, other]);
      }
    }
  }
  return pairs;
}

/** Union-find whose unions can be refused: a group must not hold two claims kept apart. */
class Components {
  private parent: number[];
  private members: number[][];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
    this.members = Array.from({ length: size }, (_, i) => [i]);
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  /** Joins the components of a and b unless `apart` holds for a member of each. */
  union(a: number, b: number, apart: (x: number, y: number) => boolean): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return true;
    if (this.members[ra].length < this.members[rb].length) [ra, rb] = [rb, ra];
    for (const x of this.members[rb]) for (const y of this.members[ra]) if (apart(x, y)) return false;
    this.parent[rb] = ra;
    this.members[ra].push(...this.members[rb]);
    this.members[rb] = [];
    return true;
  }

  groups(): number[][] {
    return this.members.filter((m, i) => this.parent[i] === i && m.length > 1);
  }
}

export function clusterClaims(claims: readonly GroupingClaim[], options: ClusterOptions): ClusterResult {
  const prepared = claims.map(prepareClaim);
  // The rule never joins two categories, so each category is compared within itself.
  const buckets = new Map<string, number[]>();
  prepared.forEach((p, index) => {
    const bucket = buckets.get(p.claim.category);
    if (bucket) bucket.push(index);
    else buckets.set(p.claim.category, [index]);
  });

  const links: (Link & { a: number; b: number })[] = [];
  let comparisons = 0;
  for (const bucket of buckets.values()) {
    for (const [a, b] of candidatePairs(bucket, prepared)) {
      comparisons++;
      const x = prepared[a].claim;
      const y = prepared[b].claim;
      if (options.isExcluded(x.id, y.id)) continue;
      const decision = comparePrepared(prepared[a], prepared[b]);
      if (decision.sameFact) links.push({ a, b, aId: x.id, bId: y.id, score: decision.score, conflict: decision.conflict });
    }
  }
  // Strongest evidence first: when two joins would put excluded claims together, the better
  // supported one wins. Ties by id keep the result independent of the input order.
  links.sort((p, q) => q.score - p.score || p.aId.localeCompare(q.aId) || p.bId.localeCompare(q.bId));

  // Kept apart inside one group: what an editor excluded, and two claims one article states in
  // one voice (A1~B and A2~B must not pull A1 and A2 of one article together).
  const apart = (i: number, j: number) =>
    oneArticleOneVoice(prepared[i], prepared[j]) || options.isExcluded(prepared[i].claim.id, prepared[j].claim.id);
  const components = new Components(claims.length);
  for (const link of links) components.union(link.a, link.b, apart);

  const clusters = components.groups().map((group) => group.sort((i, j) => i - j).map((i) => claims[i].id));
  return { clusters, links: links.map(({ aId, bId, score, conflict }) => ({ aId, bId, score, conflict })), comparisons };
}
