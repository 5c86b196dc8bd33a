import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { deleteClaim } from "@/lib/claims/change-claim-state";
import { countMyClaimsByStatus, encodeMyClaimsCursor, listMyClaims, type MyClaimsFilters } from "@/lib/claims/list-my-claims";
import { parseMyClaimsQuery } from "@/lib/claims/my-claims-query";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { decideClaim } from "@/lib/review/decide-claim";
import { decideClaimSchema } from "@/lib/review/review-schemas";
import { makeActor, seedArticle, submittedClaim, tagClaim } from "../review/fixtures";

let editor: Actor;
let other: Actor;
let reviewer: Actor;
let first: Awaited<ReturnType<typeof seedArticle>>;
let second: Awaited<ReturnType<typeof seedArticle>>;
const ids: Record<string, string> = {};

// Changes a few milliseconds apart, so their times differ (they are stored to the ms).
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function myIds(actor: Actor, filters?: MyClaimsFilters) {
  return (await listMyClaims({ actor, filters })).items.map((item) => item.id);
}

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@mine.test", "Әйгерім");
  other = await makeActor("EDITOR", "other@mine.test", "Бақыт");
  reviewer = await makeActor("REVIEWER", "reviewer@mine.test", "Нұрлан");
  first = await seedArticle("003_f112b8e6a601b618.txt");
  second = await seedArticle("001_297095da23eb7edd.txt");

  ids.draft = (await tagClaim(editor, first, "5 жылға")).id;
  await tick();
  ids.submitted = (await submittedClaim(editor, first, "5 жылға")).id;
  await tick();
  const returned = await submittedClaim(editor, first, "5 жылға");
  await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: returned.id, expectedVersion: returned.version, decision: "RETURN", comment: "Дереккөз сілтемесі ескі." }) });
  ids.returned = returned.id;
  await tick();
  const disputed = await submittedClaim(editor, second, second.text.split(/\s+/).slice(0, 2).join(" "), { category: "OTHER", value: "1" });
  await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: disputed.id, expectedVersion: disputed.version, decision: "DISPUTE", comment: "Сан басқа дереккөзде өзгеше." }) });
  ids.disputed = disputed.id;
  await tick();
  const verified = await submittedClaim(editor, first, "5 жылға");
  await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: verified.id, expectedVersion: verified.version, decision: "APPROVE", rating: "TRUE" }) });
  ids.verified = verified.id;

  // Never listed: a deleted claim of the editor's, and someone else's.
  const gone = await tagClaim(editor, first, "5 жылға");
  await deleteClaim({ actor: editor, ref: { claimId: gone.id, expectedVersion: gone.version } });
  await tagClaim(other, first, "5 жылға");
});

describe("my claims", () => {
  it("lists the actor's own claims that are not deleted, latest change first", async () => {
    expect(await myIds(editor)).toEqual([ids.verified, ids.disputed, ids.returned, ids.submitted, ids.draft]);
    expect(await myIds(other)).toHaveLength(1);
    expect(await myIds(reviewer)).toEqual([]);
  });

  it("filters by states, article and category", async () => {
    expect(await myIds(editor, { statuses: ["RETURNED", "DISPUTED"] })).toEqual([ids.disputed, ids.returned]);
    expect(await myIds(editor, { statuses: ["DRAFT"] })).toEqual([ids.draft]);
    expect(await myIds(editor, { articleId: second.articleId })).toEqual([ids.disputed]);
    expect(await myIds(editor, { category: "OTHER" })).toEqual([ids.disputed]);
    expect(await myIds(editor, { statuses: ["RETURNED"], articleId: second.articleId })).toEqual([]);
  });

  it("carries the reviewer's latest reason for returned and disputed claims only", async () => {
    const { items } = await listMyClaims({ actor: editor });
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(ids.returned)).toMatchObject({ status: "RETURNED", reviewComment: "Дереккөз сілтемесі ескі.", reviewerName: "Нұрлан", articleTitle: expect.any(String) });
    expect(byId.get(ids.disputed)).toMatchObject({ status: "DISPUTED", reviewComment: "Сан басқа дереккөзде өзгеше." });
    expect(byId.get(ids.verified)?.reviewComment).toBeNull();
    expect(byId.get(ids.draft)?.reviewComment).toBeNull();
  });

  it("pages by a keyset cursor without skipping or repeating a claim", async () => {
    const seen: string[] = [];
    let after = null;
    for (let page = 0; page < 10; page++) {
      const result: Awaited<ReturnType<typeof listMyClaims>> = await listMyClaims({ actor: editor, take: 2, after });
      seen.push(...result.items.map((item) => item.id));
      if (!result.next) break;
      const parsed = parseMyClaimsQuery({ after: encodeMyClaimsCursor(result.next) });
      if (!parsed.ok) throw new Error("the cursor did not survive the URL");
      after = parsed.after;
    }
    expect(seen).toEqual(await myIds(editor));
  });

  it("counts the actor's claims per state", async () => {
    expect(await countMyClaimsByStatus({ actor: editor })).toEqual({ DRAFT: 1, SUBMITTED: 1, RETURNED: 1, DISPUTED: 1, VERIFIED: 1 });
  });

  it("reads each state's claims along the author's index", async () => {
    await db.$executeRawUnsafe("SET enable_seqscan = off");
    try {
      const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN SELECT id FROM "Claim" c
        WHERE c.status = 'RETURNED' AND c."authorId" = ${editor.id}::uuid AND c."deletedAt" IS NULL ORDER BY c."updatedAt" DESC, c.id DESC LIMIT 26`);
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Claim_authorId_status_updatedAt_id_idx");
    } finally {
      await db.$executeRawUnsafe("RESET enable_seqscan");
    }
  });
});

describe("my claims' URL", () => {
  it("reads a comma-separated list of states, in any case", () => {
    const parsed = parseMyClaimsQuery({ status: "RETURNED,disputed" });
    expect(parsed.ok && parsed.filters.statuses).toEqual(["RETURNED", "DISPUTED"]);
  });

  it("names the wrong value at its field instead of failing", () => {
    const parsed = parseMyClaimsQuery({ status: "RETURNED,LOST", article: "nope", category: "WEATHER", after: "x" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.status).toEqual({ code: "libClaims.mine.unknownStatus", params: { value: "LOST" } });
    expect(parsed.errors.article?.code).toBe("libClaims.mine.unknownArticle");
    expect(parsed.errors.category?.code).toBe("libClaims.mine.unknownCategory");
    expect(parsed.errors.after?.code).toBe("libClaims.mine.pageLinkDamaged");
    expect(parsed.values.status).toBe("RETURNED,LOST");
  });

  it("refuses a field given twice", () => {
    const parsed = parseMyClaimsQuery({ status: ["DRAFT", "VERIFIED"] });
    expect(!parsed.ok && parsed.errors.status?.code).toBe("libReview.repeatedParameter");
  });
});
