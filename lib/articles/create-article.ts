import { isUniqueViolation } from "@/lib/core/db-errors";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { JSONContent } from "@tiptap/core";
import type { ClaimCandidate } from "@/lib/extract";
import { docToPlainText } from "@/lib/document/doc-text";
import { plainTextToDoc } from "@/lib/document/plain-text";
import { toProseMirrorDoc } from "@/lib/document/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { refreshSuggestions } from "@/lib/suggestions/refresh-suggestions";
import { contentHash } from "./content-hash";
import { titleFromText } from "./article-title";

/** The body as plain text (one paragraph per line), or as a ready document whose text is derived. */
export type CreateArticleOptions = CreateArticleFields & ({ text: string; doc?: undefined } | { doc: JSONContent; text?: undefined });

interface CreateArticleFields {
  actorId: string | null;
  title?: string;
  outlet?: string | null;
  sourceUrl?: string | null;
  publishedAt?: Date | null;
  language?: string;
  /** The suggestions already read from this text (by the import's worker); read here when absent. */
  suggestions?: ClaimCandidate[];
}

export type CreateArticleResult =
  | { status: "created"; articleId: string }
  | { status: "duplicate"; articleId: string };

/**
 * Up to MAX_SUGGESTIONS_PER_ARTICLE suggestion rows are written with the article; on a busy server
 * that can outlast Prisma's 5-second default (a revision allows the same).
 */
const CREATE_TRANSACTION = { timeout: 30_000 };

/**
 * Stores a new article from plain text or a document, with its first revision and an audit event, in one
 * transaction. The same text imported twice yields the existing article, never a copy.
 */
export async function createArticle(options: CreateArticleOptions): Promise<CreateArticleResult> {
  // Parsed with the schema first so a document it does not allow fails here, not in the viewer.
  const doc = options.doc === undefined ? null : toProseMirrorDoc(options.doc);
  const text = doc ? docToPlainText(doc) : (options.text as string);
  const hash = contentHash(text);
  const existing = await db.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
  if (existing) return { status: "duplicate", articleId: existing.id };

  const bodyJson = (doc ? doc.toJSON() : plainTextToDoc(text)) as Prisma.InputJsonValue;
  try {
    return await db.$transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          title: options.title?.trim() || titleFromText(text),
          outlet: options.outlet ?? null,
          sourceUrl: options.sourceUrl ?? null,
          publishedAt: options.publishedAt ?? null,
          language: options.language ?? "kk",
          bodyJson,
          bodyText: text,
          contentHash: hash,
          createdById: options.actorId,
          revisions: {
            create: { revision: 1, bodyJson, bodyText: text, contentHash: hash, createdById: options.actorId },
          },
        },
        select: { id: true, title: true, outlet: true, contentHash: true },
      });
      await recordAuditEvent(tx, {
        actorId: options.actorId,
        action: "article.create",
        entityType: "Article",
        entityId: article.id,
        after: article,
      });
      await refreshSuggestions(tx, { articleId: article.id, revision: 1, text, candidates: options.suggestions });
      return { status: "created" as const, articleId: article.id };
    }, CREATE_TRANSACTION);
  } catch (error) {
    // Two imports of the same text at the same moment: the unique hash lets exactly one win.
    if (isUniqueViolation(error)) {
      const winner = await db.article.findUniqueOrThrow({ where: { contentHash: hash }, select: { id: true } });
      return { status: "duplicate", articleId: winner.id };
    }
    throw error;
  }
}
