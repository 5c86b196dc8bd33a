import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { deleteClaim, submitClaim } from "@/lib/claims/change-claim-state";
import { db } from "@/lib/db/client";
import { countAwaitingReview } from "@/lib/review/count-awaiting-review";
import { decideClaim } from "@/lib/review/decide-claim";
import { listReviewQueue, type ReviewQueueFilters } from "@/lib/review/list-review-queue";
import { parseQueueQuery } from "@/lib/review/queue-query";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { decideClaimSchema, reopenClaimSchema } from "@/lib/review/review-schemas";
import { makeActor, seedArticle, submittedClaim, tagClaim } from "./fixtures";

let editor: Actor;
let editor2: Actor;
let reviewer: Actor;
let admin: Actor;
let first: Awaited<ReturnType<typeof seedArticle>>;
let second: Awaited<ReturnType<typeof seedArticle>>;
const ids: Record<string, string> = {};

// Submissions a few milliseconds apart, so their audit times differ (they are stored to the ms).
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function queueIds(actor: Actor, filters?: ReviewQueueFilters) {
  return (await listReviewQueue({ actor, filters })).items.map((item) => item.id);
}

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@queue.test", "Әйгерім");
  editor2 = await makeActor("EDITOR", "editor2@queue.test", "Бақыт");
  reviewer = await makeActor("REVIEWER", "reviewer@queue.test", "Нұрлан");
  admin = await makeActor("ADMIN", "admin@queue.test", "Дәурен");
  first = await seedArticle("003_f112b8e6a601b618.txt");
  second = await seedArticle("001_297095da23eb7edd.txt");

  // Tagged in the order a, b, c but submitted b, a, c: the queue follows submission.
  const a = await tagClaim(editor, first, "5 жылға");
  const b = await tagClaim(editor2, first, "4 ақпанда", { category: "DATE", value: "" });
  const c = await tagClaim(admin, second, second.text.split(/\s+/).slice(0, 2).join(" "), { category: "OTHER", value: "1" });
  for (const claim of [b, a, c]) {
    await submitClaim({ actor: claim.authorId === editor.id ? editor : claim.authorId === editor2.id ? editor2 : admin, ref: { claimId: claim.id, expectedVersion: claim.version } });
    await tick();
  }
  Object.assign(ids, { a: a.id, b: b.id, c: c.id });

  // Never in the queue: a draft, a deleted submitted claim, a verified claim.
  await tagClaim(editor, first, "5 жылға");
  const gone = await submittedClaim(editor, first, "5 жылға");
  await deleteClaim({ actor: editor, ref: { claimId: gone.id, expectedVersion: gone.version } });
  const done = await submittedClaim(editor, first, "5 жылға");
  await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: done.id, expectedVersion: done.version, decision: "APPROVE", rating: "TRUE" }) });
  ids.verified = done.id;
});

describe("the review queue", () => {
  it("lists claims awaiting review oldest submission first, and nothing else", async () => {
    expect(await queueIds(reviewer)).toEqual([ids.b, ids.a, ids.c]);
    expect(await countAwaitingReview({ actor: reviewer })).toBe(3);
  });

  it("never shows anyone their own claims, admins included", async () => {
    expect(await queueIds(admin)).toEqual([ids.b, ids.a]);
    expect(await countAwaitingReview({ actor: admin })).toBe(2);
  });

  it("is for reviewers and admins only", async () => {
    await expect(listReviewQueue({ actor: editor })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(countAwaitingReview({ actor: editor })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("filters by category, article and author", async () => {
    expect(await queueIds(reviewer, { category: "DATE" })).toEqual([ids.b]);
    expect(await queueIds(reviewer, { articleId: second.articleId })).toEqual([ids.c]);
    expect(await queueIds(reviewer, { authorId: editor.id })).toEqual([ids.a]);
    expect(await queueIds(reviewer, { category: "MONEY" })).toEqual([]);
  });

  it("pages by keyset without losing or repeating a claim", async () => {
    const page1 = await listReviewQueue({ actor: reviewer, take: 2 });
    expect(page1.items.map((i) => i.id)).toEqual([ids.b, ids.a]);
    expect(page1.next).not.toBeNull();
    const page2 = await listReviewQueue({ actor: reviewer, take: 2, after: page1.next });
    expect(page2.items.map((i) => i.id)).toEqual([ids.c]);
    expect(page2.next).toBeNull();
  });

  it("filters by age, counting from when the claim was last put in the queue", async () => {
    expect(await queueIds(reviewer, { olderThanDays: 1 })).toEqual([]);
    // A claim that entered the queue ten days ago.
    const old = await tagClaim(editor2, second, second.text.split(/\s+/).slice(0, 2).join(" "), { category: "OTHER", value: "2" });
    await db.claim.update({ where: { id: old.id }, data: { status: "SUBMITTED", queuedAt: new Date(Date.now() - 10 * 86_400_000) } });
    expect(await queueIds(reviewer, { olderThanDays: 7 })).toEqual([old.id]);
    expect((await queueIds(reviewer))[0]).toBe(old.id);
    ids.old = old.id;
  });

  it("records when each claim entered the queue, and clears it when a decision takes it out", async () => {
    const submitted = await db.claim.findUniqueOrThrow({ where: { id: ids.a } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Claim", entityId: ids.a, action: "claim.submit" }, orderBy: { id: "desc" } });
    expect(Math.abs(submitted.queuedAt!.getTime() - event.createdAt.getTime())).toBeLessThan(1000);
    expect((await db.claim.findUniqueOrThrow({ where: { id: ids.verified } })).queuedAt).toBeNull();
    // Whoever writes a waiting claim without it (a hand-written query, an import) gets one anyway.
    const raw = await tagClaim(editor, second, second.text.split(/\s+/).slice(0, 2).join(" "), { category: "OTHER", value: "3" });
    await db.$executeRaw`UPDATE "Claim" SET status = 'SUBMITTED' WHERE id = ${raw.id}::uuid`;
    expect((await db.claim.findUniqueOrThrow({ where: { id: raw.id } })).queuedAt).toBeInstanceOf(Date);
    expect((await queueIds(reviewer)).at(-1)).toBe(raw.id);
    await deleteClaim({ actor: editor, ref: { claimId: raw.id, expectedVersion: raw.version } });
  });

  it("puts a re-opened claim at the back: it waits from its re-opening", async () => {
    const verified = await db.claim.findUniqueOrThrow({ where: { id: ids.verified } });
    await tick();
    await reopenClaim({ actor: reviewer, input: reopenClaimSchema.parse({ claimId: verified.id, expectedVersion: verified.version, reason: "Қайта тексеру" }) });
    expect((await queueIds(reviewer)).at(-1)).toBe(ids.verified);
    const reopened = await db.claim.findUniqueOrThrow({ where: { id: ids.verified } });
    expect(reopened.queuedAt!.getTime()).toBeGreaterThan(verified.updatedAt.getTime());
  });

  it("puts a disputed claim at the back: it waits from its dispute, not its submission", async () => {
    expect(await queueIds(reviewer)).toEqual([ids.old, ids.b, ids.a, ids.c, ids.verified]);
    const b = await db.claim.findUniqueOrThrow({ where: { id: ids.b } });
    await tick();
    await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: b.id, expectedVersion: b.version, decision: "DISPUTE", comment: "Күні басқа" }) });
    const disputed = await db.claim.findUniqueOrThrow({ where: { id: ids.b } });
    expect(disputed.status).toBe("DISPUTED");
    expect(disputed.queuedAt!.getTime()).toBeGreaterThan(b.queuedAt!.getTime());
    expect(await queueIds(reviewer)).toEqual([ids.old, ids.a, ids.c, ids.verified, ids.b]);
    // Paging across the two waiting statuses neither loses nor repeats a claim.
    const seen: string[] = [];
    let after = null;
    do {
      const page: Awaited<ReturnType<typeof listReviewQueue>> = await listReviewQueue({ actor: reviewer, take: 2, after });
      seen.push(...page.items.map((i) => i.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual([ids.old, ids.a, ids.c, ids.verified, ids.b]);
  });
});

describe("queue filters in the URL", () => {
  it("reads good filters and names each bad one", () => {
    const good = parseQueueQuery({ category: "DATE", article: first.articleId, olderThan: "3", author: "" });
    expect(good).toMatchObject({ ok: true, filters: { category: "DATE", articleId: first.articleId, olderThanDays: 3, authorId: undefined }, after: null });
    const bad = parseQueueQuery({ category: "WEATHER", article: "42", author: ["x", "y"], olderThan: "-1", after: "garbage" });
    expect(bad).toMatchObject({
      ok: false,
      errors: {
        category: { code: "libReview.unknownCategory" },
        article: { code: "libReview.unknownArticle" },
        author: { code: "libReview.repeatedParameter", params: { name: "author", count: 2 } },
        olderThan: { code: "libReview.ageNotWhole" },
        after: { code: "libReview.pageLinkDamaged" },
      },
    });
    expect(parseQueueQuery({ olderThan: "0" })).toMatchObject({ ok: false, errors: { olderThan: { code: "libReview.ageRange" } } });
  });
});
