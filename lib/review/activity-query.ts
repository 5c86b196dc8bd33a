import { z } from "zod";
import { isCalendarDate } from "@/lib/core/dates";
import { isAuditAction } from "@/lib/core/audit-actions";
import type { ActivityFilters } from "./list-activity";
import { parseSearchParams, type SearchParams } from "@/lib/core/search-params";

export const ACTIVITY_FIELDS = ["person", "action", "from", "to", "before"] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

const date = (label: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || isCalendarDate(value), { error: `The “${label}” date must be a real date as YYYY-MM-DD.` })
    .transform((value) => value || undefined)
    .optional();

/** The activity feed's filters as they appear in the URL. */
const activityQuerySchema = z
  .object({
    person: z
      .string()
      .trim()
      .refine((value) => value === "" || z.uuid().safeParse(value).success, { error: "Unknown person." })
      .transform((value) => value || undefined)
      .optional(),
    action: z
      .string()
      .trim()
      .refine((value) => value === "" || isAuditAction(value), { error: "Unknown action." })
      .transform((value) => value || undefined)
      .optional(),
    from: date("from"),
    to: date("to"),
    before: z
      .string()
      .trim()
      .regex(/^\d{0,18}$/, { error: "This page link is damaged; start from the first page." })
      .transform((value) => (value ? BigInt(value) : undefined))
      .optional(),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The “from” date is after the “to” date; swap them or clear one." });
  });

export function parseActivityQuery(params: SearchParams) {
  const parsed = parseSearchParams(activityQuerySchema, ACTIVITY_FIELDS, params);
  if (!parsed.ok) return parsed;
  const { person, action, from, to, before } = parsed.query;
  const filters: ActivityFilters = { actorId: person, action, from, to };
  return { ok: true as const, filters, before: before ?? null, values: parsed.values };
}
