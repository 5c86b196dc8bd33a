import { claimPermissions } from "@/lib/auth/claim-permissions";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { CLAIM_FIGURE_FIELDS } from "./claim-selects";

/**
 * What the viewer needs to draw and list an article's claims. Deliberately slim: an article can
 * carry thousands of claims and all of them travel to the browser; sources and notes are read
 * per claim when one is opened (get-claim-details.ts). `claimIds` narrows the list to the claims
 * an action just changed, so its answer does not grow with the article.
 */
export async function listArticleClaims(options: { actor: Actor; articleId: string; claimIds?: readonly string[] }) {
  authorize(options.actor, "article.read");
  const claims = await db.claim.findMany({
    where: { articleId: options.articleId, deletedAt: null, ...(options.claimIds && { id: { in: [...options.claimIds] } }) },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    select: {
      id: true,
      start: true,
      end: true,
      quote: true,
      ...CLAIM_FIGURE_FIELDS,
      status: true,
      rating: true,
      anchorStatus: true,
      version: true,
      authorId: true,
    },
  });
  // Plain values only: Decimal becomes a string so the list can go to the browser as is. Each
  // claim carries what the policy lets this reader do with it: the workbench shows only that.
  return claims.map((claim) => ({
    ...claim,
    value: claim.value?.toString() ?? null,
    min: claim.min?.toString() ?? null,
    max: claim.max?.toString() ?? null,
    permissions: claimPermissions(options.actor, claim),
  }));
}

export type ArticleClaim = Awaited<ReturnType<typeof listArticleClaims>>[number];
