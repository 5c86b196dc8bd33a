import { describe, expect, it } from "vitest";
import { clusterClaims } from "@/lib/grouping/cluster-claims";
import { findConflicts } from "@/lib/grouping/conflicts";
import { compareClaims, type GroupingClaim } from "@/lib/grouping/same-fact";
import { allSuggestionsOf, claimOn, SEED, seedText } from "./helpers";
import { englishMessage } from "@/lib/core/english-messages";
import type { CodedMessage } from "@/lib/core/message-codes";

/** The reasons as the English interface words them. */
const english = (reasons: CodedMessage[]) => reasons.map((reason) => englishMessage(reason.code, reason.params));

/**
 * The same facts as three real articles report them (seed-texts/000–002), read by the workbench's
 * own number reader, and the other figures of all five seed articles around them.
 */
const nurOtan = seedText(SEED.nurOtan);
const nurOtanOther = seedText(SEED.nurOtanOther);
const observers = seedText(SEED.observers);

const corruptionShare = {
  // "…мыңнан астам жемқорлықпен жауапқа тартыылғанын, оның он пайызына жуығы ғана «Нұр Отан» мүшесі…"
  a: claimOn(nurOtan, SEED.nurOtan, "он пайызына жуығы", { claimant: "Станислав Канкуров" }),
  // "…1000-нан аса жемқорлық қылмыстың 10 пайызы ғана «Нұр Отанға» қатысты…"
  b: claimOn(nurOtanOther, SEED.nurOtanOther, "10 пайызы ғана", { claimant: "Станислав КАНКУРОВ" }),
};
const tokayevShare = {
  a: claimOn(nurOtan, SEED.nurOtan, "70 пайыздан астам"),
  b: claimOn(observers, SEED.observers, "70 пайыз"),
};
const detentions = {
  a: claimOn(nurOtan, SEED.nurOtan, "мыңдаған адамды"),
  b: claimOn(observers, SEED.observers, "төрт мыңға жуық адам", { claimant: "Ерлан Тұрғымбаев" }),
};

describe("the seed articles read as claims", () => {
  it("reads the figures the way the workbench's suggester does", () => {
    expect(corruptionShare.a).toMatchObject({ value: 10, max: 10, unit: "percent", qualifier: "APPROXIMATELY" });
    expect(corruptionShare.b).toMatchObject({ value: 10, unit: "percent", qualifier: "EXACT" });
    expect(tokayevShare.a).toMatchObject({ category: "VOTE_SHARE", value: 70, qualifier: "MORE_THAN" });
    expect(tokayevShare.b).toMatchObject({ category: "VOTE_SHARE", value: 70, qualifier: "EXACT" });
    expect(detentions.a).toMatchObject({ category: "DETENTION_COUNT", min: 2000, max: 9999, qualifier: "VAGUE" });
    expect(detentions.b).toMatchObject({ category: "DETENTION_COUNT", value: 4000, max: 4000, qualifier: "APPROXIMATELY" });
  });
});

describe("the same fact in two articles", () => {
  it.each([
    ["the ruling party's share of corruption cases: 'он пайызына жуығы' and '10 пайызы'", corruptionShare],
    ["Tokayev's vote share: '70 пайыздан астам' and '70 пайыз'", tokayevShare],
    ["the 9 June 2019 detentions: 'мыңдаған адамды' and 'төрт мыңға жуық адам'", detentions],
  ])("%s", (_name, pair) => {
    const decision = compareClaims(pair.a, pair.b);
    expect(decision, english(decision.reasons).join("; ")).toMatchObject({ sameFact: true, conflict: false });
  });

  it("counts the claimant: the corruption share is one spokesperson's figure, however the name is cased", () => {
    const withNames = compareClaims(corruptionShare.a, corruptionShare.b);
    const without = compareClaims({ ...corruptionShare.a, claimant: null }, { ...corruptionShare.b, claimant: null });
    expect(english(withNames.reasons)).toContain("the same claimant");
    expect(withNames.score).toBeGreaterThan(without.score);
  });
});

describe("proposing groups over every figure of the five seed articles", () => {
  // Accepting every suggestion of every article, plus the three editors' claimants above: the
  // hardest case, since nothing an editor would leave out is left out.
  const withClaimants = new Map<string, GroupingClaim>([corruptionShare.a, corruptionShare.b, detentions.b].map((c) => [c.id, c]));
  const claims = Object.values(SEED)
    .flatMap(allSuggestionsOf)
    .map((c) => withClaimants.get(c.id) ?? c);
  const { clusters, comparisons } = clusterClaims(claims, { isExcluded: () => false });
  const groupOf = (claim: GroupingClaim) => clusters.find((cluster) => cluster.includes(claim.id));

  it.each([
    ["the corruption share", corruptionShare],
    ["Tokayev's vote share", tokayevShare],
    ["the 9 June 2019 detentions", detentions],
  ])("puts %s in a group of exactly its two reports", (_name, pair) => {
    expect([...(groupOf(pair.a) ?? [])].sort()).toEqual([pair.a.id, pair.b.id].sort());
  });

  it("keeps the count of corruption cases ('мыңнан астам', '1000-нан аса') out of the share's group", () => {
    const total = claims.find((c) => c.articleId === SEED.nurOtan && c.quote === "мыңнан астам")!;
    expect(groupOf(corruptionShare.a)).not.toContain(total.id);
    // It is a fact of its own, reported by both articles.
    const otherTotal = claims.find((c) => c.articleId === SEED.nurOtanOther && c.quote === "1000-нан аса")!;
    expect(groupOf(total)).toEqual([total.id, otherTotal.id]);
  });

  it("keeps the January 2021 detentions ('кем дегенде он адам') out of the June 2019 group", () => {
    const jan2021 = claims.find((c) => c.articleId === SEED.parliament2021 && c.quote === "кем дегенде он адам")!;
    expect(jan2021.category).toBe("DETENTION_COUNT");
    expect(groupOf(jan2021)).toBeUndefined();
  });

  it("groups nothing else but one more shared fact (the two sides' quarrel at the door, 'екі жақ')", () => {
    const quarrel = [nurOtan, nurOtanOther].map((text, i) => {
      const file = i === 0 ? SEED.nurOtan : SEED.nurOtanOther;
      return claims.find((c) => c.articleId === file && c.quote === "екі" && c.suffix.startsWith(" жақ сөзге"))!.id;
    });
    const expected = [corruptionShare, tokayevShare, detentions].map((p) => groupOf(p.a)).concat([groupOf(claims.find((c) => c.quote === "мыңнан астам")!), quarrel]);
    expect(clusters).toHaveLength(5);
    expect(new Set(clusters.map((c) => [...c].sort().join()))).toEqual(new Set(expected.map((c) => [...c!].sort().join())));
  });

  it("compares a few pairs out of every possible one", () => {
    const all = (claims.length * (claims.length - 1)) / 2;
    expect(claims.length).toBeGreaterThan(80);
    expect(comparisons).toBeLessThan(all / 10);
  });

  it("finds no conflict in these groups: the reports agree", () => {
    for (const cluster of clusters) expect(findConflicts(claims.filter((c) => cluster.includes(c.id)))).toEqual([]);
  });
});

describe("a conflict: the ministry's 'all released' against rights defenders' 'at least ten held'", () => {
  const ministry = "Ішкі істер министрлігі 10 қаңтарда сайлау күні Алматыда ұсталған белсенділердің барлығы босатылды деп мәлімдеді.";
  const defenders = "Құқық қорғаушылардың айтуынша, сайлау күні Алматыда ұсталған белсенділердің кемінде он адам қамалды.";
  const released = claimOn(ministry, "official", "барлығы босатылды", {
    category: "DETENTION_COUNT",
    value: "0",
    qualifier: "EXACT",
    unit: "person",
    claimant: "Ішкі істер министрлігі",
    eventDate: "2021-01-10",
  });
  const held = claimOn(defenders, "ngo", "кемінде он адам", { claimant: "Құқық қорғаушылар", eventDate: "2021-01-10" });

  it("reads the defenders' figure as at least ten people held", () => {
    expect(held).toMatchObject({ category: "DETENTION_COUNT", value: 10, min: 10, qualifier: "AT_LEAST", unit: "person" });
  });

  it("is the same fact, flagged as a conflict", () => {
    const decision = compareClaims(released, held);
    expect(decision, english(decision.reasons).join("; ")).toMatchObject({ sameFact: true, conflict: true });
    expect(english(decision.reasons)).toContain("figures cannot both be true: [0, 0] and [10, ∞)");
  });

  it("is grouped, and the group names the pair", () => {
    const { clusters } = clusterClaims([released, held], { isExcluded: () => false });
    expect(clusters).toEqual([[released.id, held.id]]);
    expect(findConflicts([released, held])).toEqual([{ aId: released.id, bId: held.id, reason: { code: "libGrouping.reason.conflictingFigures", params: { a: "[0, 0]", b: "[10, ∞)" } } }]);
  });

  it("needs more than one shared word when the figures disagree: another day's release is not it", () => {
    const otherDay = { ...released, id: "other-day", eventDate: "2021-01-12" };
    expect(compareClaims(otherDay, held).sameFact).toBe(false);
    const undated = { ...released, id: "undated", eventDate: null, quote: "барлығы босатылды", prefix: "Полиция түнде ұсталған ", suffix: " деді." };
    expect(compareClaims(undated, held)).toMatchObject({ sameFact: false });
  });
});
