import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { deleteClaim, submitClaim } from "@/lib/claims/change-claim-state";
import { updateClaimSchema } from "@/lib/claims/claim-schemas";
import { updateClaim } from "@/lib/claims/update-claim";
import { db } from "@/lib/db/client";
import { parseActivityQuery } from "@/lib/review/activity-query";
import { addComment } from "@/lib/review/add-comment";
import { decideClaim } from "@/lib/review/decide-claim";
import { getClaimHistory } from "@/lib/review/get-claim-history";
import { listActivity } from "@/lib/review/list-activity";
import { listComments } from "@/lib/review/list-comments";
import { addCommentSchema, decideClaimSchema } from "@/lib/review/review-schemas";
import { eventLine } from "../../support/event-lines";
import { claimChanged } from "../../support/refusals";
import { makeActor, seedArticle, submittedClaim, tagClaim } from "./fixtures";

const QUOTE = "5 жылға";
let article: Awaited<ReturnType<typeof seedArticle>>;
let editor: Actor;
let reviewer: Actor;
let reviewer2: Actor;

const comment = (actor: Actor, claimId: string, body: string) => addComment({ actor, input: addCommentSchema.parse({ claimId, body }) });
const decide = (actor: Actor, claim: { id: string; version: number }, input: Record<string, string>) =>
  decideClaim({ actor, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, ...input }) });

beforeAll(async () => {
  article = await seedArticle();
  editor = await makeActor("EDITOR", "editor@history.test", "Әйгерім");
  reviewer = await makeActor("REVIEWER", "reviewer@history.test", "Нұрлан");
  reviewer2 = await makeActor("REVIEWER", "reviewer2@history.test", "Гүлнар");
});

describe("comments", () => {
  it("are shown in the order written, with author and time, from editors and reviewers alike", async () => {
    const claim = await tagClaim(editor, article, QUOTE);
    await comment(editor, claim.id, "Үкім мәтіні осында");
    await comment(reviewer, claim.id, "  Рақмет, қараймын  ");
    await comment(editor, claim.id, "Жаңартылды");
    const listed = await listComments({ actor: reviewer2, claimId: claim.id });
    expect(listed.map((c) => [c.author.name, c.body])).toEqual([
      ["Әйгерім", "Үкім мәтіні осында"],
      ["Нұрлан", "Рақмет, қараймын"],
      ["Әйгерім", "Жаңартылды"],
    ]);
    expect(listed.every((c) => c.createdAt instanceof Date)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { entityType: "Comment", entityId: { in: listed.map((c) => c.id) } } });
    expect(events.map((e) => e.action)).toEqual(["comment.create", "comment.create", "comment.create"]);
  });

  it("refuses an empty or overlong comment, and one on a deleted claim", async () => {
    const claimId = "0194d1c4-5b6a-7c2e-8f00-000000000001";
    expect(addCommentSchema.safeParse({ claimId, body: "   " }).error?.issues[0].message).toBe("libReview.writeComment");
    expect(addCommentSchema.safeParse({ claimId, body: "ә".repeat(4001) }).success).toBe(false);
    expect(addCommentSchema.safeParse({ claimId, body: "ә".repeat(4000) }).success).toBe(true);
    const claim = await tagClaim(editor, article, QUOTE);
    await deleteClaim({ actor: editor, ref: { claimId: claim.id, expectedVersion: claim.version } });
    await expect(comment(editor, claim.id, "кеш")).rejects.toMatchObject({ kind: "not-found", code: "libClaims.ref.notFound" });
    expect(await db.comment.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it("do not change the claim, so they never cause a conflict nor take the blame for one", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    await decide(reviewer, claim, { decision: "APPROVE", rating: "TRUE" });
    await comment(editor, claim.id, "Жарияладық");
    const late = decide(reviewer2, claim, { decision: "DISPUTE", comment: "Күмәнім бар" });
    await expect(late).rejects.toMatchObject(claimChanged);
    await expect(decide(reviewer2, claim, { decision: "DISPUTE", comment: "Күмәнім бар" })).rejects.toThrow(/changed by Нұрлан /);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(claim.version + 1);
  });
});

describe("a claim's history", () => {
  it("reads as one line per step, comments included, in order", async () => {
    const draft = await tagClaim(editor, article, QUOTE);
    const submitted = await submitClaim({ actor: editor, ref: { claimId: draft.id, expectedVersion: draft.version } });
    const returned = await decide(reviewer, submitted, { decision: "RETURN", comment: "Дереккөз қосыңыз" });
    await comment(editor, draft.id, "Қостым");
    const edited = await updateClaim({
      actor: editor,
      input: updateClaimSchema.parse({ claimId: draft.id, expectedVersion: returned.version, category: "SENTENCE_LENGTH", value: "5", unit: "year", qualifier: "EXACT" }),
    });
    const resubmitted = await submitClaim({ actor: editor, ref: { claimId: draft.id, expectedVersion: edited.version } });
    await decide(reviewer2, resubmitted, { decision: "APPROVE", rating: "MOSTLY_TRUE" });
    const history = await getClaimHistory({ actor: editor, claimId: draft.id });
    expect(history.map((h) => eventLine(h.line))).toEqual([
      "Әйгерім tagged the claim",
      "Әйгерім submitted for review",
      "Нұрлан returned it to the editor: Дереккөз қосыңыз",
      "Әйгерім commented: Қостым",
      "Әйгерім edited the claim",
      "Әйгерім submitted for review",
      "Гүлнар approved: mostly true",
    ]);
    expect(history.map((h) => h.at.getTime())).toEqual([...history.map((h) => h.at.getTime())].sort((x, y) => x - y));
  });
});

describe("the activity feed", () => {
  it("filters by person and action, newest first", async () => {
    const mine = await listActivity({ actor: editor, filters: { actorId: reviewer2.id } });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.actorName === "Гүлнар")).toBe(true);
    const approvals = await listActivity({ actor: editor, filters: { action: "claim.approve" } });
    expect(approvals.items.map((i) => eventLine(i.line))).toEqual(["Гүлнар approved: mostly true", "Нұрлан approved: true"]);
    expect(approvals.items.every((i) => i.claimId !== null)).toBe(true);
    const comments = await listActivity({ actor: editor, filters: { action: "comment.create", actorId: editor.id } });
    const commented = await db.comment.findMany({ where: { authorId: editor.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(comments.items.map((i) => i.claimId)).toEqual(commented.map((c) => c.claimId));
  });

  it("filters by a date range, both days included", async () => {
    const all = await listActivity({ actor: reviewer, take: 1000 });
    // The day of the newest event, read from the event itself rather than from the clock.
    const newest = all.items[0];
    const day = newest.at.toISOString().slice(0, 10);
    const thatDay = await listActivity({ actor: reviewer, take: 1000, filters: { from: day, to: day } });
    expect(thatDay.items[0].id).toBe(newest.id);
    expect(thatDay.items.every((i) => i.at.toISOString().slice(0, 10) === day)).toBe(true);
    expect((await listActivity({ actor: reviewer, take: 1000, filters: { to: day } })).items).toHaveLength(all.items.length);
    expect((await listActivity({ actor: reviewer, filters: { from: "2100-01-01" } })).items).toEqual([]);
    expect((await listActivity({ actor: reviewer, filters: { to: "2000-01-01" } })).items).toEqual([]);
  });

  it("pages by event id without repeating or skipping", async () => {
    const all = (await listActivity({ actor: reviewer, take: 1000 })).items.map((i) => i.id);
    const seen: bigint[] = [];
    let before: bigint | null = null;
    do {
      const page: Awaited<ReturnType<typeof listActivity>> = await listActivity({ actor: reviewer, take: 4, before });
      seen.push(...page.items.map((i) => i.id));
      before = page.next;
    } while (before !== null);
    expect(seen).toEqual(all);
  });

  it("names impossible filters in the URL", () => {
    expect(parseActivityQuery({ action: "claim.approve", from: "2026-01-01", to: "2026-01-31" })).toMatchObject({ ok: true, filters: { action: "claim.approve" } });
    expect(parseActivityQuery({ person: "me", action: "claim.eat", from: "2026-02-30", before: "x" })).toMatchObject({
      ok: false,
      errors: {
        person: { code: "libReview.unknownPerson" },
        action: { code: "libReview.unknownAction" },
        from: { code: "libReview.badFromDate" },
        before: { code: "libReview.pageLinkDamaged" },
      },
    });
    expect(parseActivityQuery({ from: "2026-03-01", to: "2026-02-01" })).toMatchObject({ ok: false, errors: { to: { code: "libReview.datesSwapped" } } });
  });

  it("is open to every signed-in role, and to no one signed out", async () => {
    await expect(listActivity({ actor: editor, take: 1 })).resolves.toBeDefined();
    await expect(listActivity({ actor: null as unknown as Actor })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
