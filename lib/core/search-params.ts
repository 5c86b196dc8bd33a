import type { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

export type ParsedSearchParams<F extends string, T> =
  | { ok: true; query: T; values: Partial<Record<F, string>> }
  | { ok: false; errors: Partial<Record<F, string>>; values: Partial<Record<F, string>> };

/**
 * Next.js searchParams (a key given twice arrives as an array) to a query, or to one message per
 * field. `values` are the raw strings, shown back in the filter form so a wrong one can be fixed.
 */
export function parseSearchParams<F extends string, S extends z.ZodType>(
  schema: S,
  fields: readonly F[],
  params: SearchParams,
): ParsedSearchParams<F, z.output<S>> {
  const errors: Partial<Record<F, string>> = {};
  const values: Partial<Record<F, string>> = {};
  for (const name of fields) {
    const value = params[name];
    if (Array.isArray(value)) errors[name] = `Give “${name}” once, not ${value.length} times.`;
    else if (value !== undefined) values[name] = value;
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path[0] as F;
      errors[name] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors, values };
  return { ok: true, query: parsed.data, values };
}
