import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { getGroup } from "@/lib/grouping/get-group";
import { listConflicts } from "@/lib/grouping/list-conflicts";
import { listGroups } from "@/lib/grouping/list-groups";
import { listMergeCandidates } from "@/lib/grouping/list-merge-candidates";
import { makeActor, seedArticle, tagOn, type SeedArticle } from "./fixtures";
import { englishMessage } from "@/lib/core/english-messages";
import type { CodedMessage } from "@/lib/core/message-codes";

/** The reasons as the English interface words them. */
const english = (reasons: CodedMessage[]) => reasons.map((reason) => englishMessage(reason.code, reason.params));

let editor: Actor;
let reviewer: Actor;
let parliament: SeedArticle;
let nurOtan: SeedArticle;
let observers: SeedArticle;
let groups: { conflict: string; held2019: string; vote: string; emptied: string };
let claims: { released: string; atLeast10: string };

async function makeGroup(claimIds: string[], status: "PROPOSED" | "CONFIRMED" = "PROPOSED", label: string | null = null) {
  const group = await db.claimGroup.create({ data: { status, label } });
  await db.claim.updateMany({ where: { id: { in: claimIds } }, data: { groupId: group.id } });
  return group.id;
}

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@read-groups.test", "Әйгерім");
  reviewer = await makeActor("REVIEWER", "reviewer@read-groups.test", "Нұрлан");
  parliament = await seedArticle("003_f112b8e6a601b618.txt", { outlet: "Азаттық", publishedAt: "2021-01-12" });
  nurOtan = await seedArticle("000_cfd52a1e966a8c28.txt", { outlet: "Азаттық" });
  observers = await seedArticle("002_37550b50464d8635.txt", { outlet: "Азаттық" });

  // One article sets the ministry's word against the rights defenders': a conflict.
  const released = await tagOn(editor, parliament, "бәрі босатылғаны", {
    category: "DETENTION_COUNT",
    value: "0",
    unit: "person",
    qualifier: "EXACT",
    claimant: "Ішкі істер министрлігі",
    eventDate: "2021-01-10",
    sources: [{ newSource: { url: "https://www.gov.kz/memleket/entities/qriim/press", title: "ІІМ мәлімдемесі", kind: "OFFICIAL_STATEMENT" }, stance: "SUPPORTS", passage: "ұсталғандардың барлығы босатылды" }],
  });
  const atLeast10 = await tagOn(editor, parliament, "кем дегенде он адам", {
    claimant: "Құқық қорғаушылар",
    eventDate: "2021-01-10",
    sources: [{ newSource: { url: "https://bureau.kz/report", title: "Құқық қорғау бюросы", kind: "NGO_REPORT" }, stance: "SUPPORTS", passage: "кемінде он адам қамауда" }],
  });
  claims = { released: released.id, atLeast10: atLeast10.id };
  const thousands = await tagOn(editor, nurOtan, "мыңдаған адамды");
  const nearly4000 = await tagOn(editor, observers, "төрт мыңға жуық адам");
  const voteA = await tagOn(editor, nurOtan, "70 пайыздан астам");
  const voteB = await tagOn(editor, observers, "70 пайыз");
  const gone = await tagOn(editor, parliament, "361 адамды");
  const goneToo = await tagOn(editor, nurOtan, "мыңнан астам", { category: "DETENTION_COUNT" });

  groups = {
    conflict: await makeGroup([released.id, atLeast10.id], "CONFIRMED", "10 қаңтар 2021: ұсталғандар"),
    held2019: await makeGroup([thousands.id, nearly4000.id]),
    vote: await makeGroup([voteA.id, voteB.id], "CONFIRMED"),
    emptied: await makeGroup([gone.id, goneToo.id]),
  };
  await db.claim.updateMany({ where: { id: { in: [gone.id, goneToo.id] } }, data: { deletedAt: new Date() } });
});

describe("the list of groups", () => {
  it("lists groups with live claims, newest first", async () => {
    const { items, next } = await listGroups({ actor: reviewer });
    expect(items.map((g) => g.id)).toEqual([groups.vote, groups.held2019, groups.conflict]);
    expect(next).toBeNull();
    expect(items[2]).toMatchObject({ label: "10 қаңтар 2021: ұсталғандар", status: "CONFIRMED" });
    expect(items[2].claims.map((c) => [c.id, c.value, c.article.outlet, c.article.publishedAt])).toEqual([
      [claims.released, "0", "Азаттық", "2021-01-12"],
      [claims.atLeast10, "10", "Азаттық", "2021-01-12"],
    ]);
  });

  it("filters by status, category and conflict", async () => {
    const ids = async (filters: Parameters<typeof listGroups>[0]["filters"]) => (await listGroups({ actor: editor, filters })).items.map((g) => g.id);
    expect(await ids({ status: "PROPOSED" })).toEqual([groups.held2019]);
    expect(await ids({ category: "VOTE_SHARE" })).toEqual([groups.vote]);
    expect(await ids({ category: "DETENTION_COUNT", status: "CONFIRMED" })).toEqual([groups.conflict]);
    expect(await ids({ conflict: true })).toEqual([groups.conflict]);
    expect(await ids({ conflict: true, status: "PROPOSED" })).toEqual([]);
  });

  it("pages on", async () => {
    const first = await listGroups({ actor: editor, take: 2 });
    expect(first.items.map((g) => g.id)).toEqual([groups.vote, groups.held2019]);
    expect(first.next).toBe(groups.held2019);
    const second = await listGroups({ actor: editor, take: 2, after: first.next });
    expect(second).toMatchObject({ items: [{ id: groups.conflict }], next: null });
    // With the conflict filter the scan goes past groups that do not qualify to fill the page.
    const conflicts = await listGroups({ actor: editor, take: 1, filters: { conflict: true } });
    expect(conflicts).toMatchObject({ items: [{ id: groups.conflict }], next: null });
  });
});

describe("one group", () => {
  it("shows its claims with articles and sources, its conflicts, and how each pair matches", async () => {
    const group = (await getGroup({ actor: reviewer, groupId: groups.conflict }))!;
    expect(group.claims.map((c) => c.claimant)).toEqual(["Ішкі істер министрлігі", "Құқық қорғаушылар"]);
    expect(group.claims[0]).toMatchObject({ eventDate: "2021-01-10", status: "DRAFT", rating: null, authorName: "Әйгерім", article: { id: parliament.articleId } });
    expect(group.claims[0].sources).toEqual([
      expect.objectContaining({ stance: "SUPPORTS", passage: "ұсталғандардың барлығы босатылды", source: expect.objectContaining({ kind: "OFFICIAL_STATEMENT", title: "ІІМ мәлімдемесі" }) }),
    ]);
    expect(group.conflicts).toEqual([{ aId: claims.released, bId: claims.atLeast10, reason: { code: "libGrouping.reason.conflictingFigures", params: { a: "[0, 0]", b: "[10, ∞)" } } }]);
    expect(group.pairs).toHaveLength(1);
    expect(english(group.pairs![0].reasons)).toContain("figures cannot both be true: [0, 0] and [10, ∞)");
  });

  it("is null for an unknown or malformed id", async () => {
    expect(await getGroup({ actor: editor, groupId: "0194d1c4-5b6a-7c2e-8f00-000000000001" })).toBeNull();
    expect(await getGroup({ actor: editor, groupId: "not-a-group" })).toBeNull();
  });

  it("offers groups of the same category to merge with, to editors only", async () => {
    const candidates = await listMergeCandidates({ actor: editor, groupId: groups.held2019, category: "DETENTION_COUNT" });
    expect(candidates).toEqual([
      { id: groups.conflict, status: "CONFIRMED", label: "10 қаңтар 2021: ұсталғандар", firstQuote: "бәрі босатылғаны", firstArticleTitle: expect.any(String), claimCount: 2 },
    ]);
    await expect(listMergeCandidates({ actor: reviewer, groupId: groups.held2019, category: "DETENTION_COUNT" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the conflicts page", () => {
  it("sets both claims of each conflicting pair side by side with their sources", async () => {
    const { items, next } = await listConflicts({ actor: reviewer });
    expect(next).toBeNull();
    expect(items).toHaveLength(1);
    const [pair] = items[0].pairs;
    expect(items[0]).toMatchObject({ id: groups.conflict, label: "10 қаңтар 2021: ұсталғандар", claimCount: 2 });
    expect(englishMessage(pair.reason.code, pair.reason.params)).toBe("[0, 0] and [10, ∞)");
    expect(pair.a.sources[0].source.kind).toBe("OFFICIAL_STATEMENT");
    expect(pair.b.sources[0]).toMatchObject({ passage: "кемінде он адам қамауда", source: expect.objectContaining({ kind: "NGO_REPORT" }) });
    expect((await listConflicts({ actor: reviewer, filters: { category: "VOTE_SHARE" } })).items).toEqual([]);
  });
});
