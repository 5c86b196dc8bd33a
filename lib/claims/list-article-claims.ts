import { claimPermissions } from "@/lib/auth/claim-permissions";
import { authorize, type Actor } from "@/lib/auth/policy";
import { isUuid } from "@/lib/core/ids";
import { db } from "@/lib/db/client";
import { Prisma, type AnchorStatus, type ClaimCategory, type ClaimStatus, type Qualifier, type Rating } from "@/lib/generated/prisma/client";

/** A claim as the viewer draws and lists it, before the policy's answers are added. */
interface ArticleClaimRow {
  id: string;
  start: number;
  end: number;
  quote: string;
  category: ClaimCategory;
  /** Decimals as text without trailing zeros ("70.96"), as Prisma's Decimal writes them. */
  value: string | null;
  min: string | null;
  max: string | null;
  unit: string | null;
  qualifier: Qualifier;
  claimant: string | null;
  status: ClaimStatus;
  rating: Rating | null;
  anchorStatus: AnchorStatus;
  version: number;
  authorId: string;
}

/**
 * What the viewer needs to draw and list an article's claims. Deliberately slim: an article can
 * carry thousands of claims and all of them travel to the browser; sources and notes are read
 * per claim when one is opened (get-claim-details.ts). `claimIds` narrows the list to the claims
 * an action just changed, so its answer does not grow with the article.
 *
 * One statement, its rows taken as PostgreSQL writes them: the decimals come as text, so nothing
 * is converted twice. Through the query builder, 2,000 claims took ~40 ms of the page's render
 * before its first byte.
 */
export async function listArticleClaims(options: { actor: Actor; articleId: string; claimIds?: readonly string[] }): Promise<ArticleClaim[]> {
  authorize(options.actor, "article.read");
  if (!isUuid(options.articleId)) return [];
  const only = options.claimIds && Prisma.sql`AND id = ANY(${options.claimIds.filter(isUuid)}::uuid[])`;
  const claims = await db.$queryRaw<ArticleClaimRow[]>`
    SELECT id, start, "end", quote, category, trim_scale(value)::text AS value, trim_scale(min)::text AS min, trim_scale(max)::text AS max,
           unit, qualifier, claimant, status, rating, "anchorStatus", version, "authorId"
      FROM "Claim"
     WHERE "articleId" = ${options.articleId}::uuid AND "deletedAt" IS NULL ${only ?? Prisma.empty}
     ORDER BY start ASC, "end" DESC`;
  // Each claim carries what the policy lets this reader do with it: the workbench shows only that.
  return claims.map((claim) => ({ ...claim, permissions: claimPermissions(options.actor, claim) }));
}

export type ArticleClaim = ArticleClaimRow & { permissions: ReturnType<typeof claimPermissions> };
