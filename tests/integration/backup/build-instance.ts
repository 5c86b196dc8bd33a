import { readFile } from "node:fs/promises";
import path from "node:path";
import { createArticle } from "@/lib/articles/create-article";
import { reviseArticle } from "@/lib/articles/revise-article";
import type { Actor } from "@/lib/auth/policy";
import { deleteClaim } from "@/lib/claims/change-claim-state";
import { createClaimSchema } from "@/lib/claims/claim-schemas";
import { createClaim } from "@/lib/claims/create-claim";
import { db } from "@/lib/db/client";
import { addComment } from "@/lib/review/add-comment";
import { markMentionsRead } from "@/lib/review/mark-mentions-read";
import { decideClaim } from "@/lib/review/decide-claim";
import { reassignClaim } from "@/lib/review/reassign-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { addCommentSchema, decideClaimSchema, reassignClaimSchema, reopenClaimSchema } from "@/lib/review/review-schemas";
import { dismissSuggestion } from "@/lib/suggestions/dismiss-suggestion";
import { redateSuggestions } from "@/lib/suggestions/redate-suggestions";
import { SEED_TEXTS_DIR } from "../../support/paths";
import { makeActor, submittedClaim, tagClaim } from "../review/fixtures";

export const SEED_FILES = ["003_f112b8e6a601b618.txt", "001_297095da23eb7edd.txt"] as const;

const REVISED_TEXT = [
  "Парламент сайлауына сайлаушылардың 63,3 пайызы қатысты, деп хабарлады Орталық сайлау комиссиясы.",
  "Алматыда 400-ден астам адам ұсталды.",
].join("\n");

/**
 * A small newsroom as the workbench leaves it, built with the same operations the pages use:
 * two seed articles and one revised twice, claims in every state with their sources, decisions,
 * a re-opening, comments (one naming two colleagues, one of whom has seen it), a dismissed suggestion, a deleted claim, and two claim groups, one of
 * them with a pair of claims kept apart.
 */
export async function buildInstance() {
  const editor = await makeActor("EDITOR", "editor@backup.test", "Әйгерім");
  const editor2 = await makeActor("EDITOR", "editor2@backup.test", "Бақыт");
  const reviewer = await makeActor("REVIEWER", "reviewer@backup.test", "Нұрлан");
  const reviewer2 = await makeActor("REVIEWER", "reviewer2@backup.test", "Гүлнар");
  const admin = await makeActor("ADMIN", "admin@backup.test", "Дәурен");

  const seeds = [];
  for (const file of SEED_FILES) {
    const text = await readFile(path.join(SEED_TEXTS_DIR, file), "utf8");
    const { articleId } = await createArticle({ actorId: null, text });
    seeds.push({ articleId, text });
  }
  const [courts, rally] = seeds;
  await db.article.update({ where: { id: rally.articleId }, data: { outlet: "Азаттық", publishedAt: new Date("2020-03-05T00:00:00Z") } });
  // As the details form does: the suggestions' year-less dates take the publication year.
  await db.$transaction((tx) => redateSuggestions(tx, rally.articleId));

  // Drafts, with a new source (contradicting, with a passage) and a reused one (context, with a note).
  const draft = await tagClaim(editor, courts, "5 жылға", {
    claimant: "Сот",
    statement: "Сот «5 жылға» бас бостандығынан айырды, деп хабарлады Атырау соты.",
    eventDate: "2021-02-04",
    note: "Үкім мәтінін тексеру керек",
    sources: [
      { newSource: { url: "https://example.kz/ukim", title: "Үкім", publisher: "Атырау соты", kind: "COURT_DOCUMENT" }, stance: "CONTRADICTS", passage: "5 жылға сотталды" },
    ],
  });
  const source = await db.claimSource.findFirstOrThrow({ where: { claimId: draft.id }, select: { sourceId: true } });
  const ranged = await tagClaim(editor2, courts, "жүзден аса", {
    category: "OTHER",
    value: undefined,
    min: "100,5",
    max: "1 200",
    unit: "адам",
    qualifier: "MORE_THAN",
    sources: [{ sourceId: source.sourceId, stance: "CONTEXT", note: "Басқа іс", passage: undefined }],
  });

  const decide = (actor: Actor, claim: { id: string; version: number }, input: { decision: "APPROVE" | "RETURN" | "DISPUTE"; rating?: "TRUE" | "MISLEADING"; comment?: string }) =>
    decideClaim({ actor, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, ...input }) });

  const approved = await decide(reviewer, await submittedClaim(editor, courts, "10 жылдан астам", { category: "OTHER", value: "10" }), { decision: "APPROVE", rating: "MISLEADING" });
  const reopenedOnce = await decide(reviewer, await submittedClaim(editor, courts, "29 қаңтарда", { category: "DATE", value: undefined, eventDate: "2021-01-29" }), { decision: "APPROVE", rating: "TRUE" });
  const reopened = await reopenClaim({ actor: reviewer2, input: reopenClaimSchema.parse({ claimId: reopenedOnce.id, expectedVersion: reopenedOnce.version, reason: "Күні басқа дереккөзде өзгеше" }) });
  const returned = await decide(reviewer2, await submittedClaim(editor2, courts, "20 шақырым", { category: "OTHER", value: "20", unit: "km" }), { decision: "RETURN", comment: "Дереккөз жоқ" });
  const disputed = await decide(reviewer, await submittedClaim(editor, rally, "05.03.2020", { category: "DATE", value: undefined, eventDate: "2020-03-05" }), { decision: "DISPUTE", comment: "Күні даулы" });
  const waiting = await submittedClaim(editor2, rally, "бірнеше", { category: "OTHER", value: undefined, qualifier: "VAGUE" });
  const assigned = await reassignClaim({ actor: admin, input: reassignClaimSchema.parse({ claimId: waiting.id, expectedVersion: waiting.version, assigneeId: reviewer2.id }) });

  // Reviewed, commented on, then deleted: a full backup carries it with all of that, as deleted.
  const goneReturned = await decide(reviewer2, await submittedClaim(editor, rally, "бірі", { category: "OTHER", value: "1" }), { decision: "RETURN", comment: "Бұл сан емес" });
  await addComment({ actor: editor, input: addCommentSchema.parse({ claimId: goneReturned.id, body: "Өшіремін." }) });
  const gone = await deleteClaim({ actor: editor, ref: { claimId: goneReturned.id, expectedVersion: goneReturned.version } });

  await addComment({ actor: reviewer, input: addCommentSchema.parse({ claimId: approved.id, body: "Дереккөз сенімді." }) });
  await addComment({ actor: editor, input: addCommentSchema.parse({ claimId: reopened.id, body: "Қайта қараймын." }) });
  await addComment({ actor: reviewer2, input: addCommentSchema.parse({ claimId: reopened.id, body: "Жарайды." }) });
  // Mentions, one of them seen: the admin is named by nothing else, so the file must carry that
  // account for the mention alone.
  const naming = await addComment({ actor: reviewer2, input: addCommentSchema.parse({ claimId: returned.id, body: "@Бақыт дереккөзді қосыңыз, @Дәурен біліп қойсын." }) });
  await markMentionsRead({ actor: editor2, commentIds: [naming.id] });

  // An article edited twice after a claim was tagged on it: the claim is re-anchored (a new version).
  const created = await createArticle({ actorId: editor.id, text: REVISED_TEXT, title: "Сайлау қорытындысы", outlet: "Kaztag" });
  const revised = { articleId: created.articleId, text: REVISED_TEXT };
  const turnout = await createClaim({
    actor: editor,
    input: createClaimSchema.parse({
      articleId: revised.articleId,
      revision: 1,
      start: REVISED_TEXT.indexOf("63,3 пайызы"),
      end: REVISED_TEXT.indexOf("63,3 пайызы") + "63,3 пайызы".length,
      category: "TURNOUT",
      value: "63,3",
      qualifier: "EXACT",
      unit: "%",
      sources: [{ newSource: { url: "https://election.gov.kz/result", kind: "OFFICIAL_STATEMENT" }, stance: "SUPPORTS", passage: "63,3%" }],
    }),
  });
  const suggestion = await db.claimSuggestion.findFirstOrThrow({ where: { articleId: revised.articleId, revision: 1, text: { contains: "400" } } });
  await dismissSuggestion({ actor: editor, suggestionId: suggestion.id });
  const second = `Жаңартылды.\n${REVISED_TEXT}`;
  await reviseArticle({ actor: editor, articleId: revised.articleId, expectedRevision: 1, text: second });
  await reviseArticle({ actor: editor2, articleId: revised.articleId, expectedRevision: 2, text: `${second}\nТүзету енгізілді.` });

  // Groups are written directly: their operations are not part of this test.
  const confirmed = await db.claimGroup.create({ data: { label: "Боқаевтың үкімі", status: "CONFIRMED", createdById: editor.id } });
  const proposed = await db.claimGroup.create({ data: { status: "PROPOSED" } });
  await db.claim.updateMany({ where: { id: { in: [draft.id, disputed.id] } }, data: { groupId: confirmed.id } });
  await db.claim.updateMany({ where: { id: { in: [ranged.id, waiting.id] } }, data: { groupId: proposed.id } });
  const [a, b] = [ranged.id, turnout.id].sort();
  await db.claimGroupExclusion.create({ data: { claimAId: a, claimBId: b, createdById: editor2.id } });
  // A pair with the deleted claim: a ledger export leaves it out with that claim, a backup keeps it.
  const [c, d] = [gone.id, draft.id].sort();
  await db.claimGroupExclusion.create({ data: { claimAId: c, claimBId: d, createdById: editor.id } });

  return { editor, editor2, reviewer, reviewer2, admin, courts, rally, revised, claims: { draft, ranged, approved, reopened, returned, disputed, assigned, turnout, gone } };
}

/**
 * Every row a full backup carries, read back through Prisma, as plain values (decimals as text):
 * deleted claims too, with what hangs on them.
 */
export async function snapshotInstance() {
  const byId = { orderBy: { id: "asc" } } as const;
  const [articles, revisions, claims, sources, links, reviews, comments, mentions, groups, exclusions, suggestions, users, exportDetails] = await Promise.all([
    db.article.findMany(byId),
    db.articleRevision.findMany(byId),
    db.claim.findMany(byId),
    db.source.findMany(byId),
    db.claimSource.findMany({ orderBy: [{ claimId: "asc" }, { sourceId: "asc" }] }),
    db.review.findMany(byId),
    db.comment.findMany(byId),
    db.commentMention.findMany({ orderBy: [{ commentId: "asc" }, { userId: "asc" }] }),
    db.claimGroup.findMany(byId),
    db.claimGroupExclusion.findMany({ orderBy: [{ claimAId: "asc" }, { claimBId: "asc" }] }),
    db.claimSuggestion.findMany({ orderBy: [{ articleId: "asc" }, { revision: "asc" }, { start: "asc" }, { end: "asc" }] }),
    db.user.findMany({ ...byId, select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true } }),
    // The export's read model, which database triggers keep (migration 20261205150000_claim_export_detail).
    db.claimExportDetail.findMany({ orderBy: { claimId: "asc" } }),
  ]);
  const text = (value: { toString(): string } | null) => (value === null ? null : value.toString());
  return {
    exportDetails,
    articles,
    revisions,
    claims: claims.map((claim) => ({ ...claim, value: text(claim.value), min: text(claim.min), max: text(claim.max) })),
    sources,
    links,
    reviews,
    comments,
    mentions,
    groups,
    exclusions,
    // Of each article's current revision: earlier revisions' suggestions are not carried.
    suggestions: suggestions
      .filter((s) => articles.some((a) => a.id === s.articleId && a.revision === s.revision))
      .map(({ id: _id, createdAt: _createdAt, ...s }) => ({ ...s, value: text(s.value), min: text(s.min), max: text(s.max) })),
    users,
  };
}

export type InstanceSnapshot = Awaited<ReturnType<typeof snapshotInstance>>;

/** The users the rows of a snapshot name: those a backup of it carries. */
export function referencedUserIds(s: InstanceSnapshot): string[] {
  const ids = [
    ...s.articles.map((a) => a.createdById),
    ...s.revisions.map((r) => r.createdById),
    ...s.claims.flatMap((c) => [c.authorId, c.assigneeId]),
    ...s.sources.map((x) => x.createdById),
    ...s.reviews.map((r) => r.reviewerId),
    ...s.comments.map((m) => m.authorId),
    ...s.mentions.map((n) => n.userId),
    ...s.groups.map((g) => g.createdById),
    ...s.exclusions.map((e) => e.createdById),
    ...s.suggestions.map((x) => x.dismissedById),
  ];
  return [...new Set(ids.filter((id): id is string => id !== null))].sort();
}
