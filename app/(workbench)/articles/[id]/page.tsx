import type { JSONContent } from "@tiptap/core";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { getArticle } from "@/lib/articles/get-article";
import { pageSyncPoint } from "@/lib/claims/article-claim-changes";
import { listArticleClaims } from "@/lib/claims/list-article-claims";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listSuggestions } from "@/lib/suggestions/list-suggestions";
import { requirePageActor } from "../../../_lib/session";
import { ArticleDetailsForm } from "./article-details-form";
import { ArticleWorkbench } from "./article-workbench";
import { toJsonText } from "./json-text";
import { packClaims } from "./packed-claims";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workbench");
  return { title: t("title") };
}

async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}`);
  const article = await getArticle({ actor, articleId: id });
  if (!article) notFound();
  const t = await getTranslations("workbench");
  const locale = (await getLocale()) as Locale;
  // Taken before the claims are read: whatever is written after it reaches the workbench with its next action.
  const claimsSyncedAt = pageSyncPoint();
  // One read of the claims: the suggestions already tagged are hidden by the same list.
  const readClaims = listArticleClaims({ actor, articleId: article.id });
  const [claims, suggestions] = await Promise.all([readClaims, listSuggestions({ actor, articleId: article.id, claims: readClaims })]);
  return (
    <>
      <header className="article-head">
        <h1>{article.title}</h1>
        <p className="article-meta">
          {[article.outlet, article.publishedAt && formatDay(article.publishedAt, locale), t("meta.revision", { revision: article.revision })].filter(Boolean).join(" · ")}
          {can(actor, "article.edit") && (
            <>
              {" · "}
              <Link href={`/articles/${article.id}/edit`}>{t("meta.editText")}</Link>
            </>
          )}
        </p>
        {can(actor, "article.edit") && (
          <ArticleDetailsForm
            article={{
              id: article.id,
              title: article.title,
              outlet: article.outlet,
              sourceUrl: article.sourceUrl,
              publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null,
              updatedAt: article.updatedAt.toISOString(),
            }}
          />
        )}
      </header>
      <ArticleWorkbench
        articleId={article.id}
        revision={article.revision}
        content={toJsonText(article.bodyJson as JSONContent)}
        mayTag={can(actor, "claim.create")}
        initialClaims={packClaims(claims)}
        claimsSyncedAt={claimsSyncedAt}
        initialSuggestions={toJsonText(suggestions)}
      />
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page(props: { params: Promise<{ id: string }> }) {
  return (
    <ClientMessages route="/articles/[id]">
      <ArticlePage {...props} />
    </ClientMessages>
  );
}
