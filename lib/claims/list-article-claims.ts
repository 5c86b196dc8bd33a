import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** The claims the viewer draws on an article, with what the side panel shows of each. */
export async function listArticleClaims(options: { actor: Actor; articleId: string }) {
  authorize(options.actor, "article.read");
  const claims = await db.claim.findMany({
    where: { articleId: options.articleId, deletedAt: null },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true,
      start: true,
      end: true,
      quote: true,
      category: true,
      value: true,
      min: true,
      max: true,
      unit: true,
      qualifier: true,
      claimant: true,
      eventDate: true,
      note: true,
      status: true,
      rating: true,
      anchorStatus: true,
      version: true,
      authorId: true,
      author: { select: { name: true } },
      updatedAt: true,
      sources: {
        select: {
          stance: true,
          passage: true,
          note: true,
          source: { select: { id: true, url: true, title: true, publisher: true, kind: true, archivedUrl: true } },
        },
      },
    },
  });
  // Plain values only: Decimal and Date become strings so the list can go to the browser as is.
  return claims.map((claim) => ({
    ...claim,
    value: claim.value?.toString() ?? null,
    min: claim.min?.toString() ?? null,
    max: claim.max?.toString() ?? null,
    eventDate: claim.eventDate?.toISOString().slice(0, 10) ?? null,
    updatedAt: claim.updatedAt.toISOString(),
  }));
}

export type ArticleClaim = Awaited<ReturnType<typeof listArticleClaims>>[number];
