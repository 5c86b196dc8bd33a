import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/policy";
import { listArticleClaims, type ArticleClaim } from "./list-article-claims";

/**
 * How far back a sync point reaches. A claim's updatedAt is stamped when its transaction writes it
 * but becomes visible only when it commits, so a point taken at "now" would miss a colleague's
 * write that commits just after it; any write that commits within this margin is still found.
 */
export const SYNC_MARGIN_SECONDS = 10;

/** A sync point for a page rendered now, from the app's clock (the page reads its claims after). */
export function pageSyncPoint(now: Date = new Date()): string {
  return new Date(now.getTime() - SYNC_MARGIN_SECONDS * 1000).toISOString();
}

export interface ArticleClaimChanges {
  /** The claims changed, as they now are, with what the policy lets this reader do with them. */
  changed: ArticleClaim[];
  /** Claims that left the article (deleted). */
  removedIds: string[];
  /** What to send as `since` next time, from the database's clock. */
  syncedAt: string;
}

/**
 * What an action on an article's claims answers: the claims it changed, and also those anybody
 * else changed on the article since the reader's last answer (`since`), so a colleague's claims
 * reach the workbench with the reader's next action without a reload. Bounded by the article's
 * claims changed since, never the whole list.
 */
export async function listArticleClaimChanges(options: {
  actor: Actor;
  articleId: string;
  claimIds: readonly string[];
  since: Date | null;
}): Promise<ArticleClaimChanges> {
  const { actor, articleId, claimIds, since } = options;
  // One round trip: the sync point is taken before the ids are read, so nothing written between
  // them can fall through.
  const [{ syncedAt, ids }] = await db.$queryRaw<{ syncedAt: Date; ids: string[] }[]>(Prisma.sql`
    SELECT now() - make_interval(secs => ${SYNC_MARGIN_SECONDS}) AS "syncedAt",
           ${
             since
               ? Prisma.sql`array(SELECT id::text FROM "Claim" WHERE "articleId" = ${articleId}::uuid AND "updatedAt" >= ${since}::timestamptz)`
               : Prisma.sql`ARRAY[]::text[]`
           } AS ids`);
  const wanted = [...new Set([...claimIds, ...ids])];
  const changed = wanted.length ? await listArticleClaims({ actor, articleId, claimIds: wanted }) : [];
  const present = new Set(changed.map((c) => c.id));
  return { changed, removedIds: wanted.filter((id) => !present.has(id)), syncedAt: syncedAt.toISOString() };
}
