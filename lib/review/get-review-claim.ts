import { authorize, type Actor } from "@/lib/auth/policy";
import { CLAIM_SOURCES_SELECT } from "@/lib/claims/claim-selects";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/core/ids";
import { dateOnlyOrNull } from "@/lib/core/dates";
import { claimParagraph } from "./claim-paragraph";
import { REVIEW_AUDIT_FIELDS } from "./review-snapshot";

/**
 * A claim as its review page shows it: the paragraph it sits in, its figure, sources with
 * stances and passages, and who wrote and who is assigned. Anyone who may read articles may
 * read this; what they may do with it is asked of the policy separately.
 */
export async function getReviewClaim(options: { actor: Actor; claimId: string }) {
  authorize(options.actor, "article.read");
  // Prisma would refuse a malformed uuid with an error; a bad link is simply "not found".
  if (!isUuid(options.claimId)) return null;
  const claim = await db.claim.findFirst({
    where: { id: options.claimId, deletedAt: null },
    select: {
      ...REVIEW_AUDIT_FIELDS,
      createdAt: true,
      updatedAt: true,
      author: { select: { name: true } },
      assignee: { select: { name: true } },
      article: { select: { id: true, title: true, bodyText: true } },
      sources: CLAIM_SOURCES_SELECT,
    },
  });
  if (!claim) return null;
  const { article, ...rest } = claim;
  return {
    ...rest,
    value: claim.value?.toString() ?? null,
    min: claim.min?.toString() ?? null,
    max: claim.max?.toString() ?? null,
    eventDate: dateOnlyOrNull(claim.eventDate),
    article: { id: article.id, title: article.title },
    paragraph: claim.anchorStatus === "ANCHORED" ? claimParagraph(article.bodyText, claim) : null,
  };
}

export type ReviewClaim = NonNullable<Awaited<ReturnType<typeof getReviewClaim>>>;
