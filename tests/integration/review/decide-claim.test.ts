import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { deleteClaim } from "@/lib/claims/change-claim-state";
import { db } from "@/lib/db/client";
import { decideClaim } from "@/lib/review/decide-claim";
import { getClaimHistory } from "@/lib/review/get-claim-history";
import { decideClaimSchema, type DecideClaimFormInput } from "@/lib/review/review-schemas";
import { eventLine } from "../../support/event-lines";
import { claimChanged } from "../../support/refusals";
import { makeActor, seedArticle, submittedClaim, tagClaim } from "./fixtures";

const QUOTE = "5 жылға";
let article: Awaited<ReturnType<typeof seedArticle>>;
let editor: Actor;
let otherEditor: Actor;
let reviewer: Actor;
let reviewer2: Actor;
let admin: Actor;

beforeAll(async () => {
  article = await seedArticle();
  editor = await makeActor("EDITOR", "editor@review.test", "Әйгерім");
  otherEditor = await makeActor("EDITOR", "editor2@review.test", "Бақыт");
  reviewer = await makeActor("REVIEWER", "reviewer@review.test", "Нұрлан");
  reviewer2 = await makeActor("REVIEWER", "reviewer2@review.test", "Гүлнар");
  admin = await makeActor("ADMIN", "admin@review.test", "Дәурен");
});

function decide(actor: Actor, input: Omit<DecideClaimFormInput, "claimId" | "expectedVersion">, claim: { id: string; version: number }) {
  return decideClaim({ actor, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, ...input }) });
}

async function traces(claimId: string) {
  const [reviews, events] = await Promise.all([
    db.review.findMany({ where: { claimId }, orderBy: { createdAt: "asc" } }),
    db.auditEvent.findMany({ where: { entityType: "Claim", entityId: claimId }, orderBy: { id: "asc" } }),
  ]);
  return { reviews, actions: events.map((e) => e.action), events };
}

describe("approving a claim", () => {
  it("verifies it with the verdict, bumps the version, and writes a Review row and an audit event", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    const after = await decide(reviewer, { decision: "APPROVE", rating: "TRUE" }, claim);
    expect(after).toMatchObject({ status: "VERIFIED", rating: "TRUE", version: claim.version + 1 });
    const { reviews, actions, events } = await traces(claim.id);
    expect(reviews.map((r) => [r.decision, r.rating, r.reviewerId, r.comment])).toEqual([["APPROVED", "TRUE", reviewer.id, null]]);
    expect(actions).toEqual(["claim.create", "claim.submit", "claim.approve"]);
    expect(events[2].actorId).toBe(reviewer.id);
    expect(events[2].before).toMatchObject({ status: "SUBMITTED", rating: null });
    expect(events[2].after).toMatchObject({ status: "VERIFIED", rating: "TRUE", review: { decision: "APPROVED", rating: "TRUE" } });
  });

  it("needs a verdict, and a verdict only with an approval", () => {
    const base = { claimId: "0194d1c4-5b6a-7c2e-8f00-000000000001", expectedVersion: 2 };
    expect(decideClaimSchema.safeParse({ ...base, decision: "APPROVE" }).error?.issues[0]).toMatchObject({ path: ["rating"], message: "libReview.verdictToApprove" });
    expect(decideClaimSchema.safeParse({ ...base, decision: "APPROVE", rating: "SORT_OF" }).error?.issues).toMatchObject([{ path: ["rating"], message: "libReview.chooseVerdict" }]);
    expect(decideClaimSchema.safeParse({ ...base, decision: "RETURN", rating: "TRUE", comment: "x" }).error?.issues[0].message).toBe("libReview.verdictOnlyWithApproval");
  });
});

describe("sending back and disputing", () => {
  it("refuses to send a claim back or dispute it without a comment, even one of only spaces", () => {
    const base = { claimId: "0194d1c4-5b6a-7c2e-8f00-000000000001", expectedVersion: 2 };
    expect(decideClaimSchema.safeParse({ ...base, decision: "RETURN", comment: "   " }).error?.issues[0]).toMatchObject({ path: ["comment"], message: "libReview.sayWhatToChange" });
    expect(decideClaimSchema.safeParse({ ...base, decision: "DISPUTE" }).error?.issues[0]).toMatchObject({ path: ["comment"], message: "libReview.sayWhatIsDisputed" });
    expect(decideClaimSchema.safeParse({ ...base, decision: "RETURN", comment: "x".repeat(4001) }).success).toBe(false);
  });

  it("returns a claim to its editor with the comment; the editor can fix and resubmit it", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    const returned = await decide(reviewer, { decision: "RETURN", comment: "  Үкімнің нөмірін қосыңыз  " }, claim);
    expect(returned).toMatchObject({ status: "RETURNED", rating: null });
    const { reviews, actions } = await traces(claim.id);
    expect(reviews.map((r) => [r.decision, r.rating, r.comment])).toEqual([["RETURNED", null, "Үкімнің нөмірін қосыңыз"]]);
    expect(actions.at(-1)).toBe("claim.return");
    // A returned claim is the author's again; a reviewer cannot decide it until it is resubmitted.
    await expect(decide(reviewer2, { decision: "APPROVE", rating: "TRUE" }, returned)).rejects.toThrow("Only claims awaiting review can be decided.");
  });

  it("marks a claim disputed; it still awaits a reviewer, who may settle it", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    const disputed = await decide(reviewer, { decision: "DISPUTE", comment: "Сот пен прокуратура әр түрлі айтады" }, claim);
    expect(disputed.status).toBe("DISPUTED");
    const settled = await decide(reviewer2, { decision: "APPROVE", rating: "MISLEADING" }, disputed);
    expect(settled).toMatchObject({ status: "VERIFIED", rating: "MISLEADING" });
    const { reviews } = await traces(claim.id);
    expect(reviews.map((r) => [r.decision, r.reviewerId])).toEqual([
      ["DISPUTED", reviewer.id],
      ["APPROVED", reviewer2.id],
    ]);
  });
});

describe("refusals (nothing is written)", () => {
  async function expectUntouched(claimId: string, version: number) {
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(stored.version).toBe(version);
    expect(await db.review.count({ where: { claimId } })).toBe(0);
  }

  it("never lets the author decide their own claim, even an admin", async () => {
    const own = await submittedClaim(admin, article, QUOTE);
    for (const input of [{ decision: "APPROVE", rating: "TRUE" }, { decision: "RETURN", comment: "x" }, { decision: "DISPUTE", comment: "x" }] as const) {
      const attempt = decide(admin, input, own);
      await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
      await expect(decide(admin, input, own)).rejects.toThrow("You cannot review a claim you wrote.");
    }
    await expectUntouched(own.id, own.version);
    // Another admin's claim is fair game for this admin.
    const theirs = await submittedClaim(editor, article, QUOTE);
    await expect(decide(admin, { decision: "APPROVE", rating: "FALSE" }, theirs)).resolves.toMatchObject({ status: "VERIFIED" });
  });

  it("refuses editors, the author and anyone else", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    await expect(decide(editor, { decision: "APPROVE", rating: "TRUE" }, claim)).rejects.toThrow("Your role does not allow this.");
    await expect(decide(otherEditor, { decision: "APPROVE", rating: "TRUE" }, claim)).rejects.toBeInstanceOf(ForbiddenError);
    await expectUntouched(claim.id, claim.version);
  });

  it("refuses to decide a draft", async () => {
    const draft = await tagClaim(editor, article, QUOTE);
    await expect(decide(reviewer, { decision: "APPROVE", rating: "TRUE" }, draft)).rejects.toThrow("Only claims awaiting review can be decided.");
    await expectUntouched(draft.id, draft.version);
  });

  it("answers a deleted claim as not found", async () => {
    const draft = await tagClaim(editor, article, QUOTE);
    const deleted = await deleteClaim({ actor: editor, ref: { claimId: draft.id, expectedVersion: draft.version } });
    await expect(decide(reviewer, { decision: "DISPUTE", comment: "x" }, deleted)).rejects.toMatchObject({ kind: "not-found", code: "libClaims.ref.notFound" });
  });
});

describe("no lost updates", () => {
  it("refuses a decision made on a stale version, naming the reviewer who decided first", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    await decide(reviewer, { decision: "APPROVE", rating: "TRUE" }, claim);
    const late = decide(reviewer2, { decision: "RETURN", comment: "Дереккөз әлсіз" }, claim);
    await expect(late).rejects.toMatchObject({ kind: "conflict", code: "libClaims.conflict.byNameAt", params: { name: "Нұрлан", moment: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } });
    await expect(decide(reviewer2, { decision: "RETURN", comment: "Дереккөз әлсіз" }, claim)).rejects.toThrow(/^This claim was changed by Нұрлан at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z after you opened it\. Reload/);
    const { reviews } = await traces(claim.id);
    expect(reviews).toHaveLength(1);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "VERIFIED", rating: "TRUE" });
  });

  it("refuses someone who may not decide by the policy's reason before looking at the version, so they never learn who changed it", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    await decide(reviewer, { decision: "DISPUTE", comment: "Дереккөз әлсіз" }, claim);
    // A stale version in every attempt: the refusal is still the policy's, naming nobody.
    await expect(decide(otherEditor, { decision: "APPROVE", rating: "TRUE" }, claim)).rejects.toThrow(new ForbiddenError("libAuth.policy.roleNotAllowed"));
    await expect(decide(editor, { decision: "APPROVE", rating: "TRUE" }, claim)).rejects.toThrow(new ForbiddenError("libAuth.policy.roleNotAllowed"));
    await expect(decide({ ...reviewer2, active: false }, { decision: "APPROVE", rating: "TRUE" }, claim)).rejects.toThrow(new ForbiddenError("libAuth.policy.deactivated"));
    const own = await submittedClaim(admin, article, QUOTE);
    await decide(reviewer, { decision: "DISPUTE", comment: "x" }, own);
    await expect(decide(admin, { decision: "APPROVE", rating: "TRUE" }, own)).rejects.toThrow(new ForbiddenError("libAuth.policy.ownClaim"));
    // A reviewer who may decide it still learns who was first.
    await expect(decide(reviewer2, { decision: "APPROVE", rating: "TRUE" }, claim)).rejects.toMatchObject(claimChanged);
    expect((await traces(claim.id)).reviews).toHaveLength(1);
  });

  it("lets exactly one of two reviewers deciding at the same moment land; the other gets the conflict message", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    const results = await Promise.allSettled([
      decide(reviewer, { decision: "APPROVE", rating: "TRUE" }, claim),
      decide(reviewer2, { decision: "APPROVE", rating: "FALSE" }, claim),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject(claimChanged);

    const { reviews, actions } = await traces(claim.id);
    expect(reviews).toHaveLength(1);
    expect(actions.filter((a) => a === "claim.approve")).toHaveLength(1);
    const winner = reviews[0].reviewerId === reviewer.id ? "Нұрлан" : "Гүлнар";
    expect(rejected[0].reason.message).toContain(`changed by ${winner}`);
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.rating).toBe(reviews[0].rating);

    const history = await getClaimHistory({ actor: editor, claimId: claim.id });
    expect(history.filter((h) => eventLine(h.line).includes(" approved: "))).toHaveLength(1);
  });
});
