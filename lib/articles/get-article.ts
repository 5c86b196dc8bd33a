import { db } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/auth/policy";

export async function getArticle(options: { actor: Actor; articleId: string }) {
  authorize(options.actor, "article.read");
  if (!/^[0-9a-f-]{36}$/i.test(options.articleId)) return null;
  return db.article.findUnique({
    where: { id: options.articleId },
    select: {
      id: true,
      title: true,
      outlet: true,
      sourceUrl: true,
      publishedAt: true,
      language: true,
      bodyJson: true,
      bodyText: true,
      revision: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}
