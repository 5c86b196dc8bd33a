import type { Metadata } from "next";
import Link from "next/link";
import { listArticles } from "@/lib/articles/list-articles";
import { requirePageActor } from "../../_lib/session";

export const metadata: Metadata = { title: "Articles" };

const STATUS_LABEL = { DRAFT: "draft", SUBMITTED: "awaiting review", RETURNED: "returned", DISPUTED: "disputed", VERIFIED: "verified" } as const;

export default async function ArticlesPage() {
  const actor = await requirePageActor("/articles");
  const articles = await listArticles({ actor });
  return (
    <>
      <h1>Articles</h1>
      {articles.length === 0 ? (
        <p className="muted">No articles yet.</p>
      ) : (
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
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/articles/${article.id}`}>{article.title}</Link>
                </td>
                <td>{article.outlet ?? <span className="muted">—</span>}</td>
                <td>{article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : <span className="muted">—</span>}</td>
                <td>
                  {Object.entries(article.claimCounts).length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    Object.entries(article.claimCounts).map(([status, count]) => (
                      <span key={status} className="badge">
                        {count} {STATUS_LABEL[status as keyof typeof STATUS_LABEL]}
                      </span>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
