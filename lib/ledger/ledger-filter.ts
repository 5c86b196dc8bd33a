import { z } from "zod";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { RATINGS } from "@/lib/review/rating-scale";
import { parseSearchParams, type SearchParams } from "@/lib/core/search-params";
import { isCalendarDate } from "@/lib/core/dates";

export { RATINGS };
export const CLAIM_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "DISPUTED", "VERIFIED"] as const;

/** Columns the ledger can be sorted by; each has a keyset condition in ledger-sql.ts. */
export const LEDGER_SORTS = ["created", "updated", "eventDate", "value", "claimant", "category", "status", "rating"] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/** The ledger's filter fields as they appear in a URL, in a saved claim set and in the export API. */
export const LEDGER_FILTER_FIELDS = [
  "q",
  "status",
  "rating",
  "category",
  "article",
  "outlet",
  "claimant",
  "eventFrom",
  "eventTo",
  "valueMin",
  "valueMax",
  "author",
  "reviewer",
  "group",
  "sort",
  "dir",
] as const;
export type LedgerFilterField = (typeof LEDGER_FILTER_FIELDS)[number];

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value), schema.optional());

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  optional(z.enum(values, { error: (issue) => `Unknown ${what} “${String(issue.input)}”. Choose one of: ${values.join(", ")}.` }));

const uuid = (message: string) => optional(z.uuid({ error: message }));

const isoDate = (message: string) =>
  optional(
    z
      .string()
      .refine(isCalendarDate, { error: message }),
  );

// Newsroom copy writes "63,3" and "1 200": a decimal comma and spaces between digit groups are read.
const decimal = (message: string) =>
  optional(
    z
      .string()
      .transform((value) => value.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."))
      .refine((value) => /^-?\d{1,18}(\.\d{1,6})?$/.test(value), { error: message }),
  );

const text = (max: number, message: string) => optional(z.string().max(max, { error: message }));

const ledgerFieldsSchema = z.object({
  q: text(200, "Keep the search under 200 characters."),
  status: oneOf(CLAIM_STATUSES, "status"),
  rating: oneOf(RATINGS, "verdict"),
  category: oneOf(CLAIM_CATEGORIES, "category"),
  article: uuid("Unknown article."),
  outlet: text(200, "Keep the outlet under 200 characters."),
  claimant: text(300, "Keep the claimant under 300 characters."),
  eventFrom: isoDate("Enter the first event date as YYYY-MM-DD."),
  eventTo: isoDate("Enter the last event date as YYYY-MM-DD."),
  valueMin: decimal("Enter the smallest figure as a number, e.g. 100 or 63,3."),
  valueMax: decimal("Enter the largest figure as a number, e.g. 4000 or 70,5."),
  author: uuid("Unknown author."),
  reviewer: uuid("Unknown reviewer."),
  group: uuid("Unknown claim group."),
  sort: oneOf(LEDGER_SORTS, "sort column"),
  dir: oneOf(["asc", "desc"] as const, "sort direction"),
});

type LedgerFields = z.output<typeof ledgerFieldsSchema>;

/** Rules across fields, each reported on the field to correct. */
function crossFieldErrors(filter: Partial<LedgerFields>): Partial<Record<LedgerFilterField, string>> {
  const errors: Partial<Record<LedgerFilterField, string>> = {};
  if (filter.eventFrom && filter.eventTo && filter.eventFrom > filter.eventTo) errors.eventTo = "The last event date is before the first; swap them.";
  if (filter.valueMin !== undefined && filter.valueMax !== undefined && Number(filter.valueMin) > Number(filter.valueMax))
    errors.valueMax = "The largest figure is less than the smallest; swap them.";
  if (filter.q !== undefined && searchWords(filter.q).length === 0) errors.q = "Search for words or figures, not only punctuation.";
  return errors;
}

export const ledgerFilterSchema = ledgerFieldsSchema.superRefine((filter, ctx) => {
  for (const [field, message] of Object.entries(crossFieldErrors(filter))) ctx.addIssue({ code: "custom", path: [field], message });
});

export type LedgerFilter = z.output<typeof ledgerFilterSchema>;

/** Letters and digits of any script; everything else separates words (and never reaches to_tsquery). */
export function searchWords(query: string): string[] {
  return query.toLocaleLowerCase("kk").match(/[\p{L}\p{N}]+/gu) ?? [];
}

export type ParsedLedgerFilter =
  | { ok: true; filter: LedgerFilter; values: Partial<Record<LedgerFilterField, string>> }
  | { ok: false; errors: Partial<Record<LedgerFilterField, string>>; values: Partial<Record<LedgerFilterField, string>> };

/** A URL's (or a saved set's, or the export API's) filter, or one message per wrong field. */
export function parseLedgerFilter(params: SearchParams): ParsedLedgerFilter {
  const parsed = parseSearchParams(ledgerFilterSchema, LEDGER_FILTER_FIELDS, params);
  if (!parsed.ok) {
    // zod skips the cross-field rules once a field fails; run them on the fields that did read,
    // so every mistake is shown at once.
    const readable: Partial<LedgerFields> = {};
    for (const field of LEDGER_FILTER_FIELDS) {
      const one = ledgerFieldsSchema.shape[field].safeParse(parsed.values[field]);
      if (one.success && one.data !== undefined) Object.assign(readable, { [field]: one.data });
    }
    return { ...parsed, errors: { ...crossFieldErrors(readable), ...parsed.errors } };
  }
  return { ok: true, filter: parsed.query, values: parsed.values };
}

/**
 * The filter as URL parameters, without empty fields: what a link, a saved claim set and an
 * export's audit record store. Parsing the result gives the same filter back.
 */
export function ledgerFilterToParams(filter: LedgerFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const field of LEDGER_FILTER_FIELDS) {
    const value = filter[field];
    if (value !== undefined && value !== "") params[field] = String(value);
  }
  return params;
}

/** Whether the filter narrows anything (sorting does not). */
export function isFiltered(filter: LedgerFilter): boolean {
  return LEDGER_FILTER_FIELDS.some((field) => field !== "sort" && field !== "dir" && filter[field] !== undefined);
}
