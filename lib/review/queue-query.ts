import { z } from "zod";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { decodeQueueCursor, type QueueCursor, type ReviewQueueFilters } from "./list-review-queue";
import { blankOrUuidParam, pageCursorParam, parseSearchParams, type SearchParams } from "@/lib/core/search-params";

export const QUEUE_FIELDS = ["category", "article", "author", "olderThan", "after"] as const;
export type QueueField = (typeof QUEUE_FIELDS)[number];

/** The queue's filters as they appear in the URL. */
const queueQuerySchema = z.object({
  category: z
    .union([z.enum(CLAIM_CATEGORIES), z.literal("")], { error: "libReview.unknownCategory" })
    .transform((value) => value || undefined)
    .optional(),
  article: blankOrUuidParam("libReview.unknownArticle"),
  author: blankOrUuidParam("libReview.unknownAuthor"),
  olderThan: z
    .string()
    .trim()
    .regex(/^\d*$/, { error: "libReview.ageNotWhole" })
    .transform((value) => (value ? Number(value) : undefined))
    .refine((value) => value === undefined || (value >= 1 && value <= 3650), { error: "libReview.ageRange" })
    .optional(),
  after: pageCursorParam(decodeQueueCursor, "libReview.pageLinkDamaged"),
});

export function parseQueueQuery(params: SearchParams) {
  const parsed = parseSearchParams(queueQuerySchema, QUEUE_FIELDS, params);
  if (!parsed.ok) return parsed;
  const { category, article, author, olderThan, after } = parsed.query;
  const filters: ReviewQueueFilters = { category, articleId: article, authorId: author, olderThanDays: olderThan };
  return { ok: true as const, filters, after: (after ?? null) as QueueCursor | null, values: parsed.values };
}
