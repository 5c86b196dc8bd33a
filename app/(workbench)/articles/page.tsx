import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import {
  ARTICLE_LIST_FIELDS,
  listArticles,
  listOutlets,
  parseArticleListQuery,
  type ArticleListField,
} from "@/lib/articles/list-articles";
import { requirePageActor } from "../../_lib/session";
import { ArticleFilters } from "./article-filters";
import { ArticlePagination } from "./article-pagination";

export const metadata: Metadata = { title: "Articles" };

const STATUS_LABEL = { DRAFT: "draft", SUBMITTED: "awaiting review", RETURNED: "returned", DISPUTED: "disputed", VERIFIED: "verified" } as const;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/articles");
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
  if (!errors.outlet && outlet && !outlets.includes(outlet)) errors.outlet = `No article is from the outlet “${outlet}”.`;
  const hasErrors = Object.keys(errors).length > 0;
  const list = parsed.ok && !hasErrors ? await listArticles({ actor, query: parsed.query }) : null;
  const pastLastPage = list && list.total > 0 && list.page > list.pageCount;

  return (
    <>
      <div className="page-heading">
        <h1>Articles</h1>
        {can(actor, "article.import") && <Link href="/articles/import" className="button-link">Import articles</Link>}
      </div>
      <ArticleFilters values={values} errors={errors} outlets={outlets} />
      {hasErrors ? (
        <p className="form-error" role="alert">These filters cannot be applied: correct the fields marked above.</p>
      ) : !list ? null : pastLastPage ? (
        <p className="form-error" role="alert">
          Page {list.page} is past the last page ({list.pageCount}). <Link href={`/articles?${shared}`}>Go to the first page</Link>.
        </p>
      ) : list.total === 0 ? (
        <p className="muted">{shared.size > 0 ? "No articles match these filters." : "No articles yet."}</p>
      ) : (
        <>
          <table className="list" data-testid="article-list">
            <thead>
              <tr>
                <th>Title</th>
                <th>Outlet</th>
                <th>Published</th>
                <th>Claims</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((article) => (
                <tr key={article.id}>
                  <td>
                    <Link href={`/articles/${article.id}`}>{article.title}</Link>
                  </td>
                  <td>{article.outlet ?? <span className="muted">—</span>}</td>
                  <td>{article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : <span className="muted">—</span>}</td>
                  <td>
                    {Object.keys(article.claimCounts).length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      Object.entries(article.claimCounts).map(([status, count]) => (
                        <span key={status} className="badge" data-status={status}>
                          {count} {STATUS_LABEL[status as keyof typeof STATUS_LABEL]}
                        </span>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ArticlePagination params={shared} page={list.page} pageCount={list.pageCount} total={list.total} />
        </>
      )}
    </>
  );
}
