import { createArticle } from "@/lib/articles/create-article";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { docToPlainText } from "@/lib/document/doc-text";
import { ImportError, importDetailsRefusal } from "./import-error";
import { articleDetailsSchema, type ArticleDetailsInput } from "./import-schemas";
import { convertImportOffThread } from "./off-thread/convert-off-thread";
import type { ImportSource } from "./source-to-document";

export interface ImportArticleResult {
  status: "created" | "duplicate";
  articleId: string;
  title: string;
}

/**
 * One pasted text or uploaded file to an article. Every refusal is an ImportError thrown before
 * anything is written; an input whose text is already stored yields that article, not a copy.
 */
export async function importArticle(options: {
  actor: Actor;
  source: ImportSource;
  details?: ArticleDetailsInput;
}): Promise<ImportArticleResult> {
  authorize(options.actor, "article.import");
  const details = articleDetailsSchema.safeParse(options.details ?? {});
  if (!details.success) throw importDetailsRefusal(details.error);

  // Converting, sanitising and reading figures cost what the input decides, so they run in a
  // worker with memory and time limits; this thread only waits.
  const { doc, candidates } = await convertImportOffThread(options.source);
  // Whitespace-only text would make an article with a blank title and nothing to annotate.
  if (docToPlainText(doc).trim().length === 0) {
    throw options.source.kind === "paste"
      ? new ImportError("empty", "libImport.pasteText", { field: "text" })
      : new ImportError("empty", "libImport.noText");
  }

  const { title, outlet, sourceUrl, publishedAt } = details.data;
  const result = await createArticle({ actorId: options.actor.id, doc, title, outlet, sourceUrl, publishedAt, suggestions: candidates });
  const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId }, select: { title: true } });
  return { status: result.status, articleId: result.articleId, title: article.title };
}
