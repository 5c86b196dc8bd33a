import { CLAIM_SOURCES_SELECT } from "@/lib/claims/claim-selects";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dateOnlyOrNull } from "@/lib/core/dates";
import { GROUPING_CLAIM_SELECT, toGroupingClaim } from "./grouping-claims";

/** A group's claim as the lists show it: its figure, its words, and where it was said. */
export const GROUP_CLAIM_SUMMARY_SELECT = {
  ...GROUPING_CLAIM_SELECT,
  status: true,
  rating: true,
  article: { select: { id: true, title: true, outlet: true, publishedAt: true } },
} as const satisfies Prisma.ClaimSelect;

/** …and as a group's page and the conflicts page show it: with its sources. */
export const GROUP_CLAIM_DETAIL_SELECT = {
  ...GROUP_CLAIM_SUMMARY_SELECT,
  author: { select: { name: true } },
  sources: CLAIM_SOURCES_SELECT,
} as const satisfies Prisma.ClaimSelect;

type SummaryRow = Prisma.ClaimGetPayload<{ select: typeof GROUP_CLAIM_SUMMARY_SELECT }>;
type DetailRow = Prisma.ClaimGetPayload<{ select: typeof GROUP_CLAIM_DETAIL_SELECT }>;

/** Plain data for a page: numbers as their decimal text, dates as YYYY-MM-DD. */
export function toGroupClaimSummary(row: SummaryRow) {
  const { article, ...claim } = row;
  return {
    ...toGroupingClaim(claim),
    value: claim.value?.toString() ?? null,
    min: claim.min?.toString() ?? null,
    max: claim.max?.toString() ?? null,
    status: claim.status,
    rating: claim.rating,
    article: { ...article, publishedAt: dateOnlyOrNull(article.publishedAt) },
  };
}

export function toGroupClaimDetail(row: DetailRow) {
  const { author, sources, ...summary } = row;
  return { ...toGroupClaimSummary(summary), authorName: author.name, sources };
}

export type GroupClaimSummary = ReturnType<typeof toGroupClaimSummary>;
export type GroupClaimDetail = ReturnType<typeof toGroupClaimDetail>;

/** Live claims, oldest first: the order a group's page lists them in. */
export const LIVE_CLAIMS_IN_ORDER = {
  where: { deletedAt: null },
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
} satisfies Prisma.ClaimFindManyArgs;
