import { isUniqueViolation } from "@/lib/core/db-errors";
import { DerekError } from "@/lib/core/errors";
import type { JSONContent } from "@tiptap/core";
import { reanchorAll, selectorFor, type AnchorResult } from "@/lib/anchoring";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import { docToPlainText } from "@/lib/document/doc-text";
import { plainTextToDoc } from "@/lib/document/plain-text";
import { toProseMirrorDoc } from "@/lib/document/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { suggestOffThread } from "@/lib/import/off-thread/convert-off-thread";
import { refreshSuggestions } from "@/lib/suggestions/refresh-suggestions";
import { isUuid } from "@/lib/core/ids";
import { ArticleConflictError, ArticleNotFoundError } from "./article-errors";
import { contentHash } from "./content-hash";

export interface ReviseArticleOptions {
  actor: Actor;
  articleId: string;
  /** The revision the editor started from; anything newer means someone else saved meanwhile. */
  expectedRevision: number;
  /** The edited body from the editor; or `text`, one paragraph per line. Exactly one of the two. */
  doc?: JSONContent;
  text?: string;
}

/** How the article's live claims fared: still in place, moved with the text, re-found with changed words, lost. */
export interface ReanchorCounts {
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

export interface ReviseArticleResult {
  revision: number;
  claims: ReanchorCounts;
}

/**
 * Saves an edit of an article's text as a new revision, in one transaction: the body, the kept
 * revision row, every claim re-anchored to the new text (or orphaned, keeping its old quote as the
 * evidence for re-attaching it), the suggestions of the new revision, and the audit events.
 */
export async function reviseArticle(options: ReviseArticleOptions): Promise<ReviseArticleResult> {
  authorize(options.actor, "article.edit");
  const { actor, articleId, expectedRevision } = options;
  if (!isUuid(articleId)) throw new ArticleNotFoundError();
  if (!Number.isInteger(expectedRevision) || expectedRevision < 1)
    throw new DerekError("libArticles.revise.unknownRevision");
  const body = newBody(options);
  const hash = contentHash(body.bodyText);
  // Read before the transaction, in a worker: an edit with a million figures is refused without
  // holding a connection or blocking other requests.
  const candidates = await suggestOffThread(body.bodyText, body.field);

  try {
    return await db.$transaction(
      async (tx) => {
        const current = await tx.article.findUnique({ where: { id: articleId }, select: { revision: true, contentHash: true, bodyText: true } });
        if (!current) throw new ArticleNotFoundError();
        if (current.revision !== expectedRevision) throw await articleConflict(tx, articleId);
        // Claims, suggestions and the duplicate check all key on the plain text, so a change of
        // formatting alone is not a new revision.
        if (current.contentHash === hash)
          throw new DerekError("libArticles.revise.unchanged", { field: body.field });
        const twin = await tx.article.findUnique({ where: { contentHash: hash }, select: { title: true } });
        if (twin) throw duplicateOf(twin.title, body.field);

        const revision = expectedRevision + 1;
        // The old revision in the WHERE makes a concurrent save match no row instead of
        // overwriting, and the row lock it takes makes claim and suggestion writers that lock the
        // article wait for this edit.
        const { count } = await tx.article.updateMany({
          where: { id: articleId, revision: expectedRevision },
          data: { bodyJson: body.bodyJson, bodyText: body.bodyText, contentHash: hash, revision },
        });
        if (count === 0) throw await articleConflict(tx, articleId);
        await tx.articleRevision.create({
          data: { articleId, revision, bodyJson: body.bodyJson, bodyText: body.bodyText, contentHash: hash, createdById: actor.id },
        });

        const plan = await planReanchoring(tx, { articleId, text: body.bodyText, previousText: current.bodyText });
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: "article.revise",
          entityType: "Article",
          entityId: articleId,
          before: { revision: expectedRevision, contentHash: current.contentHash },
          after: { revision, contentHash: hash, claims: plan.counts },
        });
        await applyReanchoring(tx, { actorId: actor.id, revision, changes: plan.changes });
        await refreshSuggestions(tx, { articleId, revision, text: body.bodyText, candidates });
        return { revision, claims: plan.counts };
      },
      // Re-anchoring runs approximate matching per claim and the suggester reads the whole text;
      // on a long article with many claims that can outlast Prisma's 5-second default.
      { timeout: 30_000 },
    );
  } catch (error) {
    // Another article took this exact text between our check and our write.
    if (isUniqueViolation(error)) {
      const twin = await db.article.findUnique({ where: { contentHash: hash }, select: { id: true, title: true } });
      if (twin && twin.id !== articleId) throw duplicateOf(twin.title, body.field);
    }
    throw error;
  }
}

interface NewBody {
  bodyJson: Prisma.InputJsonValue;
  bodyText: string;
  field: "doc" | "text";
}

function newBody(options: ReviseArticleOptions): NewBody {
  if ((options.doc === undefined) === (options.text === undefined))
    throw new DerekError("libArticles.revise.docOrText");
  let body: NewBody;
  if (options.doc !== undefined) {
    let node;
    try {
      node = toProseMirrorDoc(options.doc);
    } catch {
      // An unknown node would be dropped from the plain text and shift every claim after it.
      throw new DerekError("libArticles.revise.badFormatting", { field: "doc" });
    }
    body = { bodyJson: node.toJSON() as Prisma.InputJsonValue, bodyText: docToPlainText(node), field: "doc" };
  } else {
    // Browsers submit a textarea's line breaks as CRLF; stored text uses "\n" for a paragraph.
    const text = options.text!.replace(/\r\n?/g, "\n");
    body = { bodyJson: plainTextToDoc(text) as Prisma.InputJsonValue, bodyText: text, field: "text" };
  }
  if (body.bodyText.trim() === "") throw new DerekError("libArticles.revise.empty", { field: body.field });
  return body;
}

function duplicateOf(title: string, field: string): DerekError {
  return new DerekError("libArticles.revise.duplicate", { params: { title }, field });
}

/** Names whoever saved the latest revision, and when, read after the conflicting save committed. */
async function articleConflict(tx: Tx, articleId: string): Promise<ArticleConflictError> {
  const latest = await tx.articleRevision.findFirst({
    where: { articleId },
    orderBy: { revision: "desc" },
    select: { revision: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return new ArticleConflictError(latest?.revision ?? 0, latest?.createdBy?.name ?? null, latest?.createdAt ?? null);
}

interface ClaimChange {
  id: string;
  articleId: string;
  version: number;
  before: { start: number; end: number; quote: string; anchorStatus: string };
  data: { start: number; end: number; quote: string; prefix: string; suffix: string; anchorStatus: "ANCHORED" | "ORPHANED" };
  result: AnchorResult;
}

/**
 * Re-anchors the article's claims against the new text and works out which rows change. Deleted
 * claims are re-anchored too, though not counted: a deletion can be undone, and a restored claim
 * must not come back highlighting whatever now sits at its old offsets.
 */
async function planReanchoring(tx: Tx, options: { articleId: string; text: string; previousText: string }) {
  // Locked so that a claim edit cannot slip in between reading a claim here and writing it below;
  // it waits, then finds the version bumped and reports a conflict naming this edit.
  await tx.$queryRaw`SELECT "id" FROM "Claim" WHERE "articleId" = ${options.articleId}::uuid FOR UPDATE`;
  const claims = await tx.claim.findMany({
    where: { articleId: options.articleId },
    orderBy: { start: "asc" },
    select: { id: true, articleId: true, start: true, end: true, quote: true, prefix: true, suffix: true, anchorStatus: true, version: true, deletedAt: true },
  });
  const results = reanchorAll(options.text, claims, options.previousText);
  const counts: ReanchorCounts = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const changes: ClaimChange[] = [];
  claims.forEach((claim, i) => {
    const result = results[i];
    if (claim.deletedAt === null) counts[result.status === "exact" ? "anchored" : result.status]++;
    // An orphan keeps its old selector: the quote is what an editor re-attaches it by.
    const data =
      result.start === null
        ? { start: claim.start, end: claim.end, quote: claim.quote, prefix: claim.prefix, suffix: claim.suffix, anchorStatus: "ORPHANED" as const }
        : { ...selectorFor(options.text, result.start, result.end), anchorStatus: "ANCHORED" as const };
    const unchanged =
      data.start === claim.start &&
      data.end === claim.end &&
      data.quote === claim.quote &&
      data.prefix === claim.prefix &&
      data.suffix === claim.suffix &&
      data.anchorStatus === claim.anchorStatus;
    if (unchanged) return;
    const { start, end, quote, anchorStatus } = claim;
    changes.push({ id: claim.id, articleId: claim.articleId, version: claim.version, before: { start, end, quote, anchorStatus }, data, result });
  });
  return { counts, changes };
}

async function applyReanchoring(tx: Tx, options: { actorId: string; revision: number; changes: ClaimChange[] }) {
  for (const change of options.changes) {
    const { count } = await tx.claim.updateMany({
      where: { id: change.id, version: change.version },
      data: { ...change.data, version: { increment: 1 } },
    });
    // Unreachable while the claims are locked above; kept so a change there cannot turn into a silent overwrite.
    if (count === 0) throw new Error(`Claim ${change.id} changed while its article was being revised`);
    const { start, end, quote, anchorStatus } = change.data;
    await recordAuditEvent(tx, {
      actorId: options.actorId,
      action: "claim.reanchor",
      entityType: "Claim",
      entityId: change.id,
      before: { ...change.before, version: change.version },
      after: {
        start,
        end,
        quote,
        anchorStatus,
        version: change.version + 1,
        articleRevision: options.revision,
        match: change.result.status,
        score: change.result.score,
        // Where an orphan probably went, when its context is certain but its words changed: for the
        // editor who re-attaches it.
        suggestedRange: change.result.status === "orphaned" ? (change.result.suggestion ?? null) : undefined,
      },
    });
  }
}
