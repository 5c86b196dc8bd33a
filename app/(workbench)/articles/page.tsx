import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import {
  ARTICLE_LIST_FIELDS,
  listArticles,
  listOutlets,
  parseArticleListQuery,
  type ArticleListField,
} from "@/lib/articles/list-articles";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { requirePageActor } from "../../_lib/session";
import { ArticleFilters } from "./article-filters";
import { ArticlePagination } from "./article-pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("articles");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/articles");
  const t = await getTranslations("articles");
  const locale = (await getLocale()) as Locale;
  const outlets = await listOutlets({ actor });
  const parsed = parseArticleListQuery(params);

  const values: Partial<Record<ArticleListField, string>> = {};
  const shared = new URLSearchParams();
  for (const field of ARTICLE_LIST_FIELDS) {
    const value = params[field];
    if (typeof value === "string") {
      values[field] = value;
      if (field !== "page" && value !== "") shared.set(field, value);
    }
  }

  const errors = parsed.ok ? {} : { ...parsed.errors };
  // An outlet no article names can only come from an edited or stale link: say so, not "no results".
  const outlet = values.outlet?.trim();
  if (!errors.outlet && outlet && !outlets.includes(outlet)) errors.outlet = t("unknownOutlet", { outlet });
  const hasErrors = Object.keys(errors).length > 0;
  const list = parsed.ok && !hasErrors ? await listArticles({ actor, query: parsed.query }) : null;
  const pastLastPage = list && list.total > 0 && list.page > list.pageCount;

  return (
    <>
      <div className="page-heading">
        <h1>{t("title")}</h1>
        {can(actor, "article.import") && <Link href="/articles/import" className="button-link">{t("importArticles")}</Link>}
      </div>
      <ArticleFilters values={values} errors={errors} outlets={outlets} />
      {hasErrors ? (
        <p className="form-error" role="alert">{t("filtersInvalid")}</p>
      ) : !list ? null : pastLastPage ? (
        <p className="form-error" role="alert">
          {t.rich("pastLastPage", { page: list.page, pageCount: list.pageCount, link: (chunks) => <Link href={`/articles?${shared}`}>{chunks}</Link> })}
        </p>
      ) : list.total === 0 ? (
        <p className="muted">{shared.size > 0 ? t("noMatches") : t("empty")}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="list" data-testid="article-list">
              <thead>
                <tr>
                  <th>{t("column.title")}</th>
                  <th>{t("column.outlet")}</th>
                  <th>{t("column.published")}</th>
                  <th>{t("column.claims")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((article) => (
                  <tr key={article.id}>
                    <td>
                      <Link href={`/articles/${article.id}`}>{article.title}</Link>
                    </td>
                    <td>{article.outlet ?? <span className="muted">—</span>}</td>
                    <td>{article.publishedAt ? formatDay(article.publishedAt, locale) : <span className="muted">—</span>}</td>
                    <td>
                      {Object.keys(article.claimCounts).length === 0 ? (
                        <span className="muted">{t("noClaims")}</span>
                      ) : (
                        Object.entries(article.claimCounts).map(([status, count]) => (
                          <span key={status} className="badge" data-status={status}>
                            {t("claimCount", { count, status })}
                          </span>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ArticlePagination params={shared} page={list.page} pageCount={list.pageCount} total={list.total} />
        </>
      )}
    </>
  );
}
