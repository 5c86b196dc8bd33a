import type { JSONContent } from "@tiptap/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticle } from "@/lib/articles/get-article";
import { ArticleViewer } from "../../../_components/article-viewer";
import { requirePageActor } from "../../../_lib/session";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}`);
  const article = await getArticle({ actor, articleId: id });
  if (!article) notFound();
  return (
    <article className="card">
      <h1>{article.title}</h1>
      <p className="article-meta">
        {[article.outlet, article.publishedAt?.toISOString().slice(0, 10), `revision ${article.revision}`].filter(Boolean).join(" · ")}
      </p>
      <ArticleViewer content={article.bodyJson as JSONContent} />
    </article>
  );
}
