import { z } from "zod";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { blankOrUuidParam, pageCursorParam, parseSearchParams, type SearchParams } from "@/lib/core/search-params";
import type { ClaimStatus } from "@/lib/generated/prisma/client";
import { decodeMyClaimsCursor, MY_CLAIM_STATES, type MyClaimsCursor, type MyClaimsFilters } from "./list-my-claims";

export const MY_CLAIMS_FIELDS = ["status", "article", "category", "after"] as const;
export type MyClaimsField = (typeof MY_CLAIMS_FIELDS)[number];

const STATES: ReadonlySet<string> = new Set(MY_CLAIM_STATES);

/** The page's filters as they appear in the URL: `/claims?status=RETURNED,DISPUTED&article=…`. */
const myClaimsQuerySchema = z.object({
  status: z
    .string()
    .transform((value, ctx) => {
      const names = [...new Set(value.split(",").map((name) => name.trim().toUpperCase()).filter(Boolean))];
      const unknown = names.find((name) => !STATES.has(name));
      if (unknown !== undefined) ctx.addIssue({ code: "custom", message: "libClaims.mine.unknownStatus", params: { value: unknown } });
      return names as ClaimStatus[];
    })
    .optional(),
  article: blankOrUuidParam("libClaims.mine.unknownArticle"),
  category: z
    .union([z.enum(CLAIM_CATEGORIES), z.literal("")], { error: "libClaims.mine.unknownCategory" })
    .transform((value) => value || undefined)
    .optional(),
  after: pageCursorParam(decodeMyClaimsCursor, "libClaims.mine.pageLinkDamaged"),
});

export function parseMyClaimsQuery(params: SearchParams) {
  const parsed = parseSearchParams(myClaimsQuerySchema, MY_CLAIMS_FIELDS, params);
  if (!parsed.ok) return parsed;
  const { status, article, category, after } = parsed.query;
  const filters: MyClaimsFilters = { statuses: status, articleId: article, category };
  return { ok: true as const, filters, after: (after ?? null) as MyClaimsCursor | null, values: parsed.values };
}
