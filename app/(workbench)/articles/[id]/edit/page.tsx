import type { JSONContent } from "@tiptap/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getArticle } from "@/lib/articles/get-article";
import { can } from "@/lib/auth/policy";
import { requirePageActor } from "../../../../_lib/session";
import { ArticleTextEditor } from "./article-text-editor";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("articleEdit");
  return { title: t("title") };
}

async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}/edit`);
  const article = await getArticle({ actor, articleId: id });
  if (!article) notFound();
  const t = await getTranslations("articleEdit");
  if (!can(actor, "article.edit")) return <p className="form-error" role="alert">{t("editorsOnly")}</p>;
  return (
    <>
      <h1>{t("heading", { title: article.title })}</h1>
      <p className="muted">{t("explain", { revision: article.revision })}</p>
      <ArticleTextEditor articleId={article.id} revision={article.revision} content={article.bodyJson as JSONContent} />
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page(props: { params: Promise<{ id: string }> }) {
  return (
    <ClientMessages route="/articles/[id]/edit">
      <EditArticlePage {...props} />
    </ClientMessages>
  );
}
