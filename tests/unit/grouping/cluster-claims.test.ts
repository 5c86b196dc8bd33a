import { describe, expect, it } from "vitest";
import { clusterClaims, MAX_SHARED_KEY, type ClusterOptions } from "@/lib/grouping/cluster-claims";
import type { GroupingClaim } from "@/lib/grouping/same-fact";

/** A report of "N people were detained at the rally in <city>" in article `articleId`. */
function report(id: string, articleId: string, city: string, value: string, fields: Partial<GroupingClaim> = {}): GroupingClaim {
  return {
    id,
    articleId,
    category: "DETENTION_COUNT",
    value,
    min: null,
    max: null,
    unit: "person",
    qualifier: "APPROXIMATELY",
    claimant: null,
    eventDate: "2022-01-05",
    quote: `${value} адам`,
    prefix: `${city} митингіде полиция `,
    suffix: " ұстады.",
    ...fields,
  };
}

const never: ClusterOptions = { isExcluded: () => false };
const sortedClusters = (claims: GroupingClaim[], options = never) =>
  clusterClaims(claims, options).clusters.map((c) => [...c].sort()).sort((a, b) => a[0].localeCompare(b[0]));

describe("clustering claims into proposed groups", () => {
  it("joins reports of one fact across articles, transitively", () => {
    const claims = [report("a1", "A", "Алматыдағы", "400"), report("b1", "B", "Алматыдағы", "420"), report("c1", "C", "Алматыдағы", "410")];
    expect(sortedClusters(claims)).toEqual([["a1", "b1", "c1"]]);
  });

  it("joins a report whose unit an editor typed by hand with the suggested ones", () => {
    const claims = [report("a1", "A", "Алматыдағы", "400"), report("b1", "B", "Алматыдағы", "420", { unit: "адамдар" }), report("c1", "C", "Алматыдағы", "410", { unit: "человек" })];
    expect(sortedClusters(claims)).toEqual([["a1", "b1", "c1"]]);
  });

  it("keeps different events apart", () => {
    const claims = [
      report("a1", "A", "Алматыдағы", "400"),
      report("b1", "B", "Алматыдағы", "420"),
      report("a2", "A", "Ақтаудағы", "40", { eventDate: "2022-01-02" }),
      report("b2", "B", "Ақтаудағы", "45", { eventDate: "2022-01-02" }),
    ];
    expect(sortedClusters(claims)).toEqual([
      ["a1", "b1"],
      ["a2", "b2"],
    ]);
  });

  it("never proposes a pair an editor excluded, not even through a third claim", () => {
    const claims = [report("a1", "A", "Алматыдағы", "400"), report("b1", "B", "Алматыдағы", "420"), report("c1", "C", "Алматыдағы", "410")];
    const excluded = new Set(["a1|c1"]);
    const options = { isExcluded: (x: string, y: string) => excluded.has([x, y].sort().join("|")) };
    const clusters = sortedClusters(claims, options);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toContain("b1");
    expect(clusters[0]).not.toEqual(expect.arrayContaining(["a1", "c1"]));
  });

  it("does not pull two claims of one article in one voice together through a third", () => {
    const claims = [report("a1", "A", "Алматыдағы", "400"), report("a2", "A", "Алматыдағы", "410"), report("b1", "B", "Алматыдағы", "405")];
    const clusters = sortedClusters(claims);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toHaveLength(2);
    expect(clusters[0]).toContain("b1");
  });

  it("never joins categories", () => {
    const claims = [report("a1", "A", "Алматыдағы", "400"), report("b1", "B", "Алматыдағы", "400", { category: "CASUALTIES" })];
    expect(clusterClaims(claims, never).clusters).toEqual([]);
  });

  it("reports the links it found, strongest first, with conflicts marked", () => {
    const claims = [
      report("a1", "A", "Алматыдағы", "400"),
      report("b1", "B", "Алматыдағы", "400", { claimant: "ІІМ" }),
      report("c1", "C", "Алматыдағы", "0", { qualifier: "EXACT", claimant: "ІІМ" }),
    ];
    const { links } = clusterClaims(claims, never);
    expect(links.map((l) => l.score)).toEqual([...links.map((l) => l.score)].sort((x, y) => y - x));
    expect(links.map((l) => [l.aId, l.bId, l.conflict])).toEqual(
      expect.arrayContaining([
        ["a1", "b1", false],
        ["b1", "c1", true],
      ]),
    );
    expect(links.filter((l) => l.conflict).every((l) => l.bId === "c1")).toBe(true);
  });

  it("compares far fewer pairs than all of them", () => {
    // 2,000 claims about 400 different rallies, five reports each: all share the category's
    // words, only the town names tell them apart.
    const letter = (n: number) => String.fromCharCode(1072 + n);
    const towns = Array.from({ length: 400 }, (_, i) => `${letter(i % 26)}${letter(Math.floor(i / 26))}қаладағы`);
    const claims = towns.flatMap((town, t) => Array.from({ length: 5 }, (_, k) => report(`t${t}-${k}`, `art-${t}-${k}`, town, String(100 + t))));
    const { clusters, comparisons } = clusterClaims(claims, never);
    expect(clusters).toHaveLength(400);
    expect(clusters.every((c) => c.length === 5)).toBe(true);
    const all = (claims.length * (claims.length - 1)) / 2;
    // Each claim meets at most MAX_SHARED_KEY others per shared key, and its four true partners.
    expect(comparisons).toBeLessThan(all / 100);
    expect(MAX_SHARED_KEY).toBeLessThan(claims.length);
  });
});
