import { db } from "@/lib/db/client";
import { authorize, type Actor, type ClaimStatus } from "@/lib/auth/policy";

export interface ArticleListItem {
  id: string;
  title: string;
  outlet: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  claimCounts: Partial<Record<ClaimStatus, number>>;
}

export async function listArticles(options: { actor: Actor; take?: number }): Promise<ArticleListItem[]> {
  authorize(options.actor, "article.list");
  const articles = await db.article.findMany({
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
    take: options.take ?? 100,
    select: { id: true, title: true, outlet: true, publishedAt: true, createdAt: true },
  });
  const counts = await db.claim.groupBy({
    by: ["articleId", "status"],
    where: { articleId: { in: articles.map((a) => a.id) }, deletedAt: null },
    _count: { _all: true },
  });
  return articles.map((article) => ({
    ...article,
    claimCounts: Object.fromEntries(
      counts.filter((c) => c.articleId === article.id).map((c) => [c.status, c._count._all]),
    ),
  }));
}
