import { z } from "zod";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { decodeQueueCursor, type QueueCursor, type ReviewQueueFilters } from "./list-review-queue";
import { parseSearchParams, type SearchParams } from "@/lib/core/search-params";

export const QUEUE_FIELDS = ["category", "article", "author", "olderThan", "after"] as const;
export type QueueField = (typeof QUEUE_FIELDS)[number];

const blankToUndefined = (value: string) => value || undefined;
const uuid = (message: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || z.uuid().safeParse(value).success, { error: message })
    .transform(blankToUndefined)
    .optional();

/** The queue's filters as they appear in the URL. */
const queueQuerySchema = z.object({
  category: z
    .union([z.enum(CLAIM_CATEGORIES), z.literal("")], { error: "Unknown category." })
    .transform((value) => value || undefined)
    .optional(),
  article: uuid("Unknown article."),
  author: uuid("Unknown author."),
  olderThan: z
    .string()
    .trim()
    .regex(/^\d*$/, { error: "The age must be a whole number of days." })
    .transform((value) => (value ? Number(value) : undefined))
    .refine((value) => value === undefined || (value >= 1 && value <= 3650), { error: "The age must be between 1 and 3650 days." })
    .optional(),
  after: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const cursor = decodeQueueCursor(value);
      if (!cursor) ctx.addIssue({ code: "custom", message: "This page link is damaged; start from the first page." });
      return cursor ?? undefined;
    })
    .optional(),
});

export function parseQueueQuery(params: SearchParams) {
  const parsed = parseSearchParams(queueQuerySchema, QUEUE_FIELDS, params);
  if (!parsed.ok) return parsed;
  const { category, article, author, olderThan, after } = parsed.query;
  const filters: ReviewQueueFilters = { category, articleId: article, authorId: author, olderThanDays: olderThan };
  return { ok: true as const, filters, after: (after ?? null) as QueueCursor | null, values: parsed.values };
}
