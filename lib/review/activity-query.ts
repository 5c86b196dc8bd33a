import { z } from "zod";
import { isAuditAction } from "@/lib/core/audit-actions";
import { isCalendarDate } from "@/lib/core/dates";
import type { MessageCode } from "@/lib/core/message-codes";
import type { ActivityFilters } from "./list-activity";
import { blankOrUuidParam, parseSearchParams, type SearchParams } from "@/lib/core/search-params";

export const ACTIVITY_FIELDS = ["person", "action", "from", "to", "before"] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

const date = (code: MessageCode) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || isCalendarDate(value), { error: code })
    .transform((value) => value || undefined)
    .optional();

/** The activity feed's filters as they appear in the URL. */
const activityQuerySchema = z
  .object({
    person: blankOrUuidParam("libReview.unknownPerson"),
    action: z
      .string()
      .trim()
      .refine((value) => value === "" || isAuditAction(value), { error: "libReview.unknownAction" })
      .transform((value) => value || undefined)
      .optional(),
    from: date("libReview.badFromDate"),
    to: date("libReview.badToDate"),
    before: z
      .string()
      .trim()
      .regex(/^\d{0,18}$/, { error: "libReview.pageLinkDamaged" })
      .transform((value) => (value ? BigInt(value) : undefined))
      .optional(),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "libReview.datesSwapped" });
  });

export function parseActivityQuery(params: SearchParams) {
  const parsed = parseSearchParams(activityQuerySchema, ACTIVITY_FIELDS, params);
  if (!parsed.ok) return parsed;
  const { person, action, from, to, before } = parsed.query;
  const filters: ActivityFilters = { actorId: person, action, from, to };
  return { ok: true as const, filters, before: before ?? null, values: parsed.values };
}
