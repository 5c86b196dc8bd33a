import { z } from "zod";
import { englishMessage } from "@/lib/core/english-messages";
import type { CodedMessage, MessageCode, MessageParams } from "@/lib/core/message-codes";

export type SearchParams = Record<string, string | string[] | undefined>;

export type FieldMessages<F extends string> = Partial<Record<F, CodedMessage>>;

export type ParsedSearchParams<F extends string, T> =
  | { ok: true; query: T; values: Partial<Record<F, string>> }
  | { ok: false; errors: FieldMessages<F>; values: Partial<Record<F, string>> };

/**
 * A zod issue of Derek's schemas as a coded message: its message is the code; the values the code
 * names are the issue's own `minimum`/`maximum` (a length or size rule) and, for a rule of Derek's
 * own (refine, superRefine, a transform's addIssue), its `params`.
 */
export function codedIssue(issue: z.core.$ZodIssue): CodedMessage {
  const params: MessageParams = {};
  if ("minimum" in issue) params.minimum = Number(issue.minimum);
  if ("maximum" in issue) params.maximum = Number(issue.maximum);
  if (issue.code === "custom") Object.assign(params, issue.params);
  return { code: issue.message as MessageCode, params };
}

/**
 * Next.js searchParams (a key given twice arrives as an array) to a query, or to one message per
 * field. `values` are the raw strings, shown back in the filter form so a wrong one can be fixed.
 */
export function parseSearchParams<F extends string, S extends z.ZodType>(
  schema: S,
  fields: readonly F[],
  params: SearchParams,
): ParsedSearchParams<F, z.output<S>> {
  const errors: FieldMessages<F> = {};
  const values: Partial<Record<F, string>> = {};
  for (const name of fields) {
    const value = params[name];
    if (Array.isArray(value)) errors[name] = { code: "libReview.repeatedParameter", params: { name, count: value.length } };
    else if (value !== undefined) values[name] = value;
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as F;
      errors[name] ??= codedIssue(issue);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors, values };
  return { ok: true, query: parsed.data, values };
}

/** Each field's message in English, for pages that still show it through the message translator. */
export function fieldMessagesInEnglish<F extends string>(errors: FieldMessages<F>): Partial<Record<F, string>> {
  const english: Partial<Record<F, string>> = {};
  for (const [field, message] of Object.entries(errors) as [F, CodedMessage][]) english[field] = englishMessage(message.code, message.params);
  return english;
}

/** A filter naming a record by id: blank is no filter, anything but a UUID is the field's error. */
export function blankOrUuidParam(code: MessageCode) {
  return z
    .string()
    .trim()
    .refine((value) => value === "" || z.uuid().safeParse(value).success, { error: code })
    .transform((value) => value || undefined)
    .optional();
}

/** A keyset page link: blank is the first page, one the server did not write is the field's error. */
export function pageCursorParam<C>(decode: (value: string) => C | null, code: MessageCode) {
  return z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const cursor = decode(value);
      if (!cursor) ctx.addIssue({ code: "custom", message: code });
      return cursor ?? undefined;
    })
    .optional();
}
