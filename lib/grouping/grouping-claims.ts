import { CLAIM_FIGURE_FIELDS } from "@/lib/claims/claim-selects";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dateOnlyOrNull } from "@/lib/core/dates";
import type { GroupingClaim } from "./same-fact";

/** The columns the same-fact rule reads. */
export const GROUPING_CLAIM_SELECT = {
  id: true,
  articleId: true,
  ...CLAIM_FIGURE_FIELDS,
  eventDate: true,
  quote: true,
  prefix: true,
  suffix: true,
} as const satisfies Prisma.ClaimSelect;

type GroupingClaimRow = Prisma.ClaimGetPayload<{ select: typeof GROUPING_CLAIM_SELECT }>;

export function toGroupingClaim(row: GroupingClaimRow): GroupingClaim {
  return { ...row, eventDate: dateOnlyOrNull(row.eventDate) };
}
