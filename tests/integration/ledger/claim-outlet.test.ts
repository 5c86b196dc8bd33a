import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { updateArticleDetails } from "@/lib/import/update-article-details";
import { parseLedgerFilter } from "@/lib/ledger/ledger-filter";
import { countLedger, listLedger } from "@/lib/ledger/list-ledger";
import { makeActor, seedArticle, tagClaim } from "../review/fixtures";

let editor: Actor;
let article: Awaited<ReturnType<typeof seedArticle>>;
let other: Awaited<ReturnType<typeof seedArticle>>;

const outletOf = async (claimId: string) => (await db.$queryRaw<{ outlet: string | null }[]>`SELECT outlet FROM "Claim" WHERE id = ${claimId}::uuid`)[0].outlet;

function filterOf(params: Record<string, string>) {
  const parsed = parseLedgerFilter(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.filter;
}

async function setOutlet(articleId: string, outlet: string) {
  const { updatedAt, title } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { updatedAt: true, title: true } });
  await updateArticleDetails({ actor: editor, input: { articleId, updatedAt: updatedAt.toISOString(), title, outlet } });
}

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@outlet.test");
  article = await seedArticle("002_37550b50464d8635.txt");
  other = await seedArticle("000_cfd52a1e966a8c28.txt");
  await setOutlet(other.articleId, "Азаттық");
});

// The ledger's outlet filter reads the claim's copy of its article's outlet (migration
// 20261129090000_claim_outlet); these are the ways the copy could go stale.
describe("a claim's copy of its article's outlet", () => {
  it("is taken when the claim is tagged, follows every change of the article's outlet, and the ledger's filter follows it", async () => {
    await setOutlet(article.articleId, "Vlast.kz");
    const claim = await tagClaim(editor, article, "70 пайыз");
    expect(await outletOf(claim.id)).toBe("Vlast.kz");
    const byOutlet = async (outlet: string) => (await listLedger({ actor: editor, filter: filterOf({ outlet }) })).rows.map((row) => row.id);
    expect(await byOutlet("vlast.kz")).toEqual([claim.id]);

    await setOutlet(article.articleId, "Orda.kz");
    expect(await outletOf(claim.id)).toBe("Orda.kz");
    expect(await byOutlet("Vlast.kz")).toEqual([]);
    expect(await byOutlet("ORDA.KZ")).toEqual([claim.id]);
    expect((await countLedger({ actor: editor, filter: filterOf({ outlet: "Orda.kz" }) })).count).toBe(1);

    await setOutlet(article.articleId, "");
    expect(await outletOf(claim.id)).toBeNull();
    expect(await byOutlet("Orda.kz")).toEqual([]);
  });

  it("cannot be written apart from the article: a direct write, or moving the claim, takes the article's outlet again", async () => {
    await setOutlet(article.articleId, "Tengrinews");
    const claim = await tagClaim(editor, article, "төрт мыңға жуық адам");
    await db.$executeRaw`UPDATE "Claim" SET outlet = 'elsewhere' WHERE id = ${claim.id}::uuid`;
    expect(await outletOf(claim.id)).toBe("Tengrinews");
    await db.$executeRaw`UPDATE "Claim" SET "articleId" = ${other.articleId}::uuid WHERE id = ${claim.id}::uuid`;
    expect(await outletOf(claim.id)).toBe("Азаттық");
  });
});
