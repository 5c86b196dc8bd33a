import { z } from "zod";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import type { CodedMessage, MessageCode } from "@/lib/core/message-codes";
import { RATINGS } from "@/lib/review/rating-scale";
import { isCalendarDate } from "@/lib/core/dates";
import { parseSearchParams, type FieldMessages, type SearchParams } from "@/lib/core/search-params";

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

// A custom rule rather than z.enum, so the issue carries what was given and what is allowed.
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  optional(
    z.unknown().transform((value, ctx) => {
      if (typeof value === "string" && (values as readonly string[]).includes(value)) return value as T[number];
      ctx.addIssue({ code: "custom", message: "libLedger.filter.unknownValue", params: { what, value: String(value), values: values.join(", ") } });
      return z.NEVER;
    }),
  );

const uuid = (code: MessageCode) => optional(z.uuid({ error: code }));

const isoDate = (code: MessageCode) =>
  optional(
    z
      .string()
      .refine(isCalendarDate, { error: code }),
  );

// Newsroom copy writes "63,3" and "1 200": a decimal comma and spaces between digit groups are read.
const decimal = (code: MessageCode) =>
  optional(
    z
      .string()
      .transform((value) => value.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."))
      .refine((value) => /^-?\d{1,18}(\.\d{1,6})?$/.test(value), { error: code }),
  );

const text = (max: number, code: MessageCode) => optional(z.string().max(max, { error: code }));

const ledgerFieldsSchema = z.object({
  q: text(200, "libLedger.filter.searchTooLong"),
  status: oneOf(CLAIM_STATUSES, "status"),
  rating: oneOf(RATINGS, "verdict"),
  category: oneOf(CLAIM_CATEGORIES, "category"),
  article: uuid("libLedger.filter.unknownArticle"),
  outlet: text(200, "libLedger.filter.outletTooLong"),
  claimant: text(300, "libLedger.filter.claimantTooLong"),
  eventFrom: isoDate("libLedger.filter.eventFrom"),
  eventTo: isoDate("libLedger.filter.eventTo"),
  valueMin: decimal("libLedger.filter.valueMin"),
  valueMax: decimal("libLedger.filter.valueMax"),
  author: uuid("libLedger.filter.unknownAuthor"),
  reviewer: uuid("libLedger.filter.unknownReviewer"),
  group: uuid("libLedger.filter.unknownGroup"),
  sort: oneOf(LEDGER_SORTS, "sort column"),
  dir: oneOf(["asc", "desc"] as const, "sort direction"),
});

type LedgerFields = z.output<typeof ledgerFieldsSchema>;

/** Rules across fields, each reported on the field to correct. */
function crossFieldErrors(filter: Partial<LedgerFields>): FieldMessages<LedgerFilterField> {
  const errors: FieldMessages<LedgerFilterField> = {};
  if (filter.eventFrom && filter.eventTo && filter.eventFrom > filter.eventTo) errors.eventTo = { code: "libLedger.filter.datesSwapped" };
  if (filter.valueMin !== undefined && filter.valueMax !== undefined && Number(filter.valueMin) > Number(filter.valueMax))
    errors.valueMax = { code: "libLedger.filter.figuresSwapped" };
  if (filter.q !== undefined && searchWords(filter.q).length === 0) errors.q = { code: "libLedger.filter.searchNoWords" };
  return errors;
}

export const ledgerFilterSchema = ledgerFieldsSchema.superRefine((filter, ctx) => {
  for (const [field, message] of Object.entries(crossFieldErrors(filter)) as [string, CodedMessage][]) ctx.addIssue({ code: "custom", path: [field], message: message.code });
});

export type LedgerFilter = z.output<typeof ledgerFilterSchema>;

/** Letters and digits of any script; everything else separates words (and never reaches to_tsquery). */
export function searchWords(query: string): string[] {
  return query.toLocaleLowerCase("kk").match(/[\p{L}\p{N}]+/gu) ?? [];
}

export type ParsedLedgerFilter =
  | { ok: true; filter: LedgerFilter; values: Partial<Record<LedgerFilterField, string>> }
  | { ok: false; errors: FieldMessages<LedgerFilterField>; values: Partial<Record<LedgerFilterField, string>> };

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
