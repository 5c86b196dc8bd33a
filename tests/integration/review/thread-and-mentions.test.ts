import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { deleteClaim } from "@/lib/claims/change-claim-state";
import { db } from "@/lib/db/client";
import { addComment } from "@/lib/review/add-comment";
import { countAwaitingReview } from "@/lib/review/count-awaiting-review";
import { countHeaderFigures } from "@/lib/review/count-header-figures";
import { decideClaim } from "@/lib/review/decide-claim";
import { getClaimThread } from "@/lib/review/get-claim-thread";
import { listMentionable } from "@/lib/review/list-mentionable";
import { listMentions } from "@/lib/review/list-mentions";
import { markMentionsRead } from "@/lib/review/mark-mentions-read";
import { addCommentSchema, decideClaimSchema } from "@/lib/review/review-schemas";
import { makeActor, seedArticle, submittedClaim, tagClaim } from "./fixtures";

let article: Awaited<ReturnType<typeof seedArticle>>;
let editor: Actor;
let editor2: Actor;
let reviewer: Actor;
let gone: Actor;

const comment = (actor: Actor, claimId: string, body: string) => addComment({ actor, input: addCommentSchema.parse({ claimId, body }) });
const decide = (actor: Actor, claim: { id: string; version: number }, input: Record<string, string>) =>
  decideClaim({ actor, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, ...input }) });

beforeAll(async () => {
  article = await seedArticle();
  editor = await makeActor("EDITOR", "editor@thread.test", "Әйгерім Сәрсенова");
  editor2 = await makeActor("EDITOR", "editor2@thread.test", "Бақыт Ержанұлы");
  reviewer = await makeActor("REVIEWER", "reviewer@thread.test", "Нұрлан");
  gone = await makeActor("EDITOR", "gone@thread.test", "Ерлан Жақып");
  await db.user.update({ where: { id: gone.id }, data: { active: false } });
});

describe("the header's figures", () => {
  it("count the actor's own returned and disputed claims, never deleted ones nor a colleague's", async () => {
    const before = await countHeaderFigures({ actor: editor });
    await decide(reviewer, await submittedClaim(editor, article, "5 жылға"), { decision: "RETURN", comment: "Дереккөз жоқ" });
    await decide(reviewer, await submittedClaim(editor, article, "10 жылдан астам", { category: "OTHER", value: "10" }), { decision: "DISPUTE", comment: "Даулы" });
    const deleted = await decide(reviewer, await submittedClaim(editor, article, "29 қаңтарда", { category: "DATE", value: undefined, eventDate: "2021-01-29" }), { decision: "RETURN", comment: "Күні қате" });
    await deleteClaim({ actor: editor, ref: { claimId: deleted.id, expectedVersion: deleted.version } });
    await tagClaim(editor, article, "20 шақырым", { category: "OTHER", value: "20" });
    await decide(reviewer, await submittedClaim(editor2, article, "жүзден аса", { category: "OTHER", value: "100" }), { decision: "RETURN", comment: "Басқа" });

    const after = await countHeaderFigures({ actor: editor });
    expect(after.returnedToMe - before.returnedToMe).toBe(2);
    expect(after.awaitingReview).toBeNull();
    expect((await countHeaderFigures({ actor: editor2 })).returnedToMe).toBe(1);
  });

  it("give a reviewer the same queue count as the review queue's own", async () => {
    await submittedClaim(editor2, article, "25 қаңтарда", { category: "DATE", value: undefined, eventDate: "2021-01-25" });
    const figures = await countHeaderFigures({ actor: reviewer });
    expect(figures.awaitingReview).toBe(await countAwaitingReview({ actor: reviewer }));
    expect(figures.awaitingReview).toBeGreaterThan(0);
  });

  it("are refused to a deactivated account", async () => {
    await expect(countHeaderFigures({ actor: { ...gone, active: false } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("mentions", () => {
  it("are stored only for active colleagues the comment names in full, never the writer", async () => {
    const claim = await tagClaim(editor, article, "бірнеше", { category: "OTHER", value: undefined, qualifier: "VAGUE" });
    const written = await comment(
      reviewer,
      claim.id,
      "@Әйгерім Сәрсенова, дереккөзді қосыңыз. @Ерлан Жақып білмейді, @Нұрлан өзім, @Бақыт деп толық емес, хат: x@Бақыт Ержанұлы",
    );
    expect(written.mentioned).toEqual([editor.id]);
    const stored = await db.commentMention.findMany({ where: { commentId: written.id } });
    expect(stored.map((m) => [m.userId, m.readAt])).toEqual([[editor.id, null]]);
  });

  it("count as unread until the person has seen them, then as read, and only their own", async () => {
    const claim = await tagClaim(editor2, article, "200-ге жуық", { category: "OTHER", value: "200" });
    const unreadBefore = (await countHeaderFigures({ actor: editor })).unreadMentions;
    const first = await comment(reviewer, claim.id, "@Әйгерім Сәрсенова және @Бақыт Ержанұлы, қараңыздар");
    const second = await comment(editor2, claim.id, "@Әйгерім Сәрсенова, сіз де");
    expect((await countHeaderFigures({ actor: editor })).unreadMentions).toBe(unreadBefore + 2);

    const listed = await listMentions({ actor: editor });
    expect(listed.slice(0, 2).map((m) => [m.id, m.unread, m.author.name])).toEqual([
      [second.id, true, "Бақыт Ержанұлы"],
      [first.id, true, "Нұрлан"],
    ]);
    expect(listed[0].claim).toMatchObject({ id: claim.id, quote: "200-ге жуық", article: { id: article.articleId } });

    // Marking someone else's mention (here: editor2's in the first comment) through one's own ids changes nothing of theirs.
    expect(await markMentionsRead({ actor: reviewer, commentIds: [first.id] })).toBe(0);
    expect(await markMentionsRead({ actor: editor, commentIds: [first.id, second.id] })).toBe(2);
    expect((await countHeaderFigures({ actor: editor })).unreadMentions).toBe(unreadBefore);
    expect((await listMentions({ actor: editor })).slice(0, 2).map((m) => m.unread)).toEqual([false, false]);
    expect((await countHeaderFigures({ actor: editor2 })).unreadMentions).toBe(1);
  });

  it("offer every active colleague but oneself to the type-ahead", async () => {
    const names = (await listMentionable({ actor: reviewer })).map((p) => p.name);
    expect(names).toContain("Әйгерім Сәрсенова");
    expect(names).not.toContain("Нұрлан");
    expect(names).not.toContain("Ерлан Жақып");
  });
});

describe("the claim's thread", () => {
  it("holds the decisions with their reasons and the comments, in the order written", async () => {
    const submitted = await submittedClaim(editor, article, "100 пайызға", { category: "OTHER", value: "100" });
    await comment(editor, submitted.id, "Дереккөз қосылды");
    await decide(reviewer, submitted, { decision: "RETURN", comment: "Үкімнің нөмірі керек" });
    await comment(editor, submitted.id, "Нөмірін қостым");
    await comment(reviewer, submitted.id, "Рақмет");

    const thread = await getClaimThread({ actor: editor, claimId: submitted.id });
    expect(thread.map((e) => [e.kind, e.person, e.text])).toEqual([
      ["comment", "Әйгерім Сәрсенова", "Дереккөз қосылды"],
      ["review", "Нұрлан", "Үкімнің нөмірі керек"],
      ["comment", "Әйгерім Сәрсенова", "Нөмірін қостым"],
      ["comment", "Нұрлан", "Рақмет"],
    ]);
    expect(thread[1]).toMatchObject({ decision: "RETURNED", rating: null });
    const times = thread.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("takes an answer from the claim's author, and refuses one from a deactivated account", async () => {
    const claim = await decide(reviewer, await submittedClaim(editor2, article, "№496", { category: "OTHER", value: "496" }), { decision: "RETURN", comment: "Кім айтты?" });
    await comment(editor2, claim.id, "Сот айтты, @Нұрлан");
    expect((await getClaimThread({ actor: reviewer, claimId: claim.id })).at(-1)).toMatchObject({ kind: "comment", person: "Бақыт Ержанұлы", text: "Сот айтты, @Нұрлан" });
    expect((await listMentions({ actor: reviewer }))[0]).toMatchObject({ body: "Сот айтты, @Нұрлан", unread: true });

    const refused = await comment({ ...editor2, active: false }, claim.id, "Тағы бір").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as ForbiddenError).code).toBe("libAuth.policy.deactivated");
    expect((await getClaimThread({ actor: reviewer, claimId: claim.id })).map((e) => e.text)).not.toContain("Тағы бір");
  });

  it("is not found for a deleted claim or an id that is none", async () => {
    const claim = await tagClaim(editor, article, "21 желтоқсан", { category: "DATE", value: undefined, eventDate: "2020-12-21" });
    await deleteClaim({ actor: editor, ref: { claimId: claim.id, expectedVersion: claim.version } });
    await expect(getClaimThread({ actor: editor, claimId: claim.id })).rejects.toMatchObject({ code: "libClaims.ref.notFound" });
    await expect(getClaimThread({ actor: editor, claimId: "not-a-uuid" })).rejects.toMatchObject({ code: "libClaims.ref.notFound" });
  });
});
