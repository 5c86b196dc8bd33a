import type { JSONContent } from "@tiptap/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticle } from "@/lib/articles/get-article";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "../../../../_lib/session";
import { ArticleTextEditor } from "./article-text-editor";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}/edit`);
  const article = await getArticle({ actor, articleId: id });
  if (!article) notFound();
  if (!can(actor, "article.edit")) return <p className="form-error" role="alert">Only editors can change an article's text.</p>;
  return (
    <>
      <h1>Edit: {article.title}</h1>
      <p className="muted">Revision {article.revision}. Claims follow the text; any that cannot be found again are listed as orphaned on the article.</p>
      <ArticleTextEditor articleId={article.id} revision={article.revision} content={article.bodyJson as JSONContent} />
    </>
  );
}
