import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { decideClaim } from "@/lib/review/decide-claim";
import { getClaimHistory } from "@/lib/review/get-claim-history";
import { listAssignableReviewers } from "@/lib/review/list-assignable-reviewers";
import { listReviewQueue } from "@/lib/review/list-review-queue";
import { reassignClaim } from "@/lib/review/reassign-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { decideClaimSchema, reassignClaimSchema, reopenClaimSchema } from "@/lib/review/review-schemas";
import { eventLine } from "../../support/event-lines";
import { claimChanged } from "../../support/refusals";
import { makeActor, seedArticle, submittedClaim, tagClaim } from "./fixtures";

const QUOTE = "4 ақпанда";
let article: Awaited<ReturnType<typeof seedArticle>>;
let editor: Actor;
let reviewer: Actor;
let reviewer2: Actor;
let admin: Actor;

beforeAll(async () => {
  article = await seedArticle();
  editor = await makeActor("EDITOR", "editor@reopen.test", "Әйгерім");
  reviewer = await makeActor("REVIEWER", "reviewer@reopen.test", "Нұрлан");
  reviewer2 = await makeActor("REVIEWER", "reviewer2@reopen.test", "Гүлнар");
  admin = await makeActor("ADMIN", "admin@reopen.test", "Дәурен");
});

async function verifiedClaim() {
  const claim = await submittedClaim(editor, article, QUOTE, { category: "DATE", value: "" });
  return decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, decision: "APPROVE", rating: "TRUE" }) });
}

const reopen = (actor: Actor, claim: { id: string; version: number }, reason = "Министрлік күнін түзетті") =>
  reopenClaim({ actor, input: reopenClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, reason }) });

const reassign = (actor: Actor, claim: { id: string; version: number }, assigneeId: string) =>
  reassignClaim({ actor, input: reassignClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, assigneeId }) });

describe("re-opening a verified claim", () => {
  it("puts it back in the queue without its verdict, and keeps the earlier verdict in the history", async () => {
    const verified = await verifiedClaim();
    const reopened = await reopen(reviewer2, verified);
    expect(reopened).toMatchObject({ status: "SUBMITTED", rating: null, version: verified.version + 1 });
    const reviews = await db.review.findMany({ where: { claimId: verified.id }, orderBy: { createdAt: "asc" } });
    expect(reviews.map((r) => [r.decision, r.rating, r.comment])).toEqual([
      ["APPROVED", "TRUE", null],
      ["REOPENED", null, "Министрлік күнін түзетті"],
    ]);
    const again = await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: verified.id, expectedVersion: reopened.version, decision: "APPROVE", rating: "FALSE" }) });
    expect(again.rating).toBe("FALSE");
    const lines = (await getClaimHistory({ actor: editor, claimId: verified.id })).map((h) => eventLine(h.line));
    expect(lines).toEqual([
      "Әйгерім tagged the claim",
      "Әйгерім submitted for review",
      "Нұрлан approved: true",
      "Гүлнар re-opened it: Министрлік күнін түзетті",
      "Нұрлан approved: false",
    ]);
  });

  it("needs a reason", () => {
    const parsed = reopenClaimSchema.safeParse({ claimId: "0194d1c4-5b6a-7c2e-8f00-000000000001", expectedVersion: 3, reason: "  " });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["reason"], message: "libReview.reopenReason" });
  });

  it("is for reviewers and admins only, not for editors, the author included", async () => {
    const verified = await verifiedClaim();
    await expect(reopen(editor, verified)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reopen(admin, verified)).resolves.toMatchObject({ status: "SUBMITTED" });
  });

  it("refuses an editor by the policy's reason even on a stale version, never naming who changed the claim", async () => {
    const verified = await verifiedClaim();
    const stale = { ...verified, version: verified.version - 1 };
    await expect(reopen(editor, stale)).rejects.toThrow(new ForbiddenError("libAuth.policy.roleNotAllowed"));
    await expect(reopen(reviewer, stale)).rejects.toThrow(/^This claim was changed by /);
  });

  it("refuses a claim that is not verified, and a stale version", async () => {
    const submitted = await submittedClaim(editor, article, QUOTE);
    await expect(reopen(reviewer, submitted)).rejects.toThrow("Only a verified claim can be re-opened.");
    const verified = await verifiedClaim();
    await reopen(reviewer2, verified);
    await expect(reopen(reviewer, verified)).rejects.toMatchObject(claimChanged);
    expect(await db.review.count({ where: { claimId: verified.id, decision: "REOPENED" } })).toBe(1);
  });
});

describe("assigning a claim to a reviewer (admins)", () => {
  it("puts the claim at the top of the assignee's queue and says so in the history", async () => {
    const older = await submittedClaim(editor, article, QUOTE);
    const claim = await submittedClaim(editor, article, QUOTE);
    const assigned = await reassign(admin, claim, reviewer2.id);
    expect(assigned).toMatchObject({ assigneeId: reviewer2.id, version: claim.version + 1 });
    const mine = await listReviewQueue({ actor: reviewer2 });
    expect(mine.items[0]).toMatchObject({ id: claim.id, assigneeName: "Гүлнар", rank: 0 });
    // Everyone else still sees it, in its place by age: an assignment routes, it does not lock.
    const theirs = (await listReviewQueue({ actor: reviewer })).items.map((i) => i.id);
    expect(theirs.indexOf(older.id)).toBeLessThan(theirs.indexOf(claim.id));
    const lines = (await getClaimHistory({ actor: editor, claimId: claim.id })).map((h) => eventLine(h.line));
    expect(lines.at(-1)).toBe("Дәурен assigned it to Гүлнар");
  });

  it("takes the assignment off, and a decision ends it", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    const assigned = await reassign(admin, claim, reviewer.id);
    const cleared = await reassign(admin, assigned, "");
    expect(cleared.assigneeId).toBeNull();
    const reassigned = await reassign(admin, cleared, reviewer.id);
    const approved = await decideClaim({ actor: reviewer2, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: reassigned.version, decision: "APPROVE", rating: "TRUE" }) });
    expect(approved.assigneeId).toBeNull();
    const lines = (await getClaimHistory({ actor: admin, claimId: claim.id })).map((h) => eventLine(h.line));
    expect(lines).toContain("Дәурен took the assignment off");
  });

  it("never assigns a claim to its author, an editor or a deactivated reviewer", async () => {
    const adminsOwn = await submittedClaim(admin, article, QUOTE);
    await expect(reassign(admin, adminsOwn, admin.id)).rejects.toMatchObject({ code: "libReview.assigneeWroteIt", params: { name: "Дәурен" }, field: "assigneeId" });
    const claim = await submittedClaim(editor, article, QUOTE);
    const otherEditor = await makeActor("EDITOR", "editor2@reopen.test", "Бақыт");
    await expect(reassign(admin, claim, editor.id)).rejects.toThrow("Әйгерім wrote this claim; the two-person rule keeps them from reviewing it.");
    await expect(reassign(admin, claim, otherEditor.id)).rejects.toMatchObject({ code: "libReview.assigneeNotReviewer", params: { name: "Бақыт" } });
    const away = await makeActor("REVIEWER", "away@reopen.test", "Ерлан");
    await db.user.update({ where: { id: away.id }, data: { active: false } });
    await expect(reassign(admin, claim, away.id)).rejects.toMatchObject({ code: "libReview.assigneeDeactivated", params: { name: "Ерлан" } });
    await expect(reassign(admin, claim, "0194d1c4-5b6a-7c2e-8f00-000000000009")).rejects.toMatchObject({ code: "libReview.noSuchReviewer", field: "assigneeId" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBeNull();
    const choices = (await listAssignableReviewers({ actor: admin, claim: adminsOwn })).map((u) => u.name);
    expect(choices).toEqual(["Гүлнар", "Нұрлан"]);
  });

  it("is refused to anyone but an admin, for claims not awaiting review, and on a stale version", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    await expect(reassign(reviewer, claim, reviewer.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reassign(editor, claim, reviewer.id)).rejects.toBeInstanceOf(ForbiddenError);
    const draft = await tagClaim(editor, article, QUOTE);
    await expect(reassign(admin, draft, reviewer.id)).rejects.toMatchObject({ code: "libReview.onlyAwaitingAssignable", field: "assigneeId" });
    await expect(reassign(admin, draft, reviewer.id)).rejects.toBeInstanceOf(DerekError);
    await reassign(admin, claim, reviewer.id);
    await expect(reassign(admin, claim, reviewer2.id)).rejects.toThrow(/changed by Дәурен/);
  });
});
