/**
 * SQL expressions that write a column as the JSON text `JSON.stringify` gives for the value the
 * JSON Lines writer builds from it, so PostgreSQL can render whole records byte for byte as the
 * TypeScript records would be written (tests/integration/backup/jsonl-bytes.test.ts compares the
 * two on the same rows).
 *
 * Why these are exact: PostgreSQL's to_json(text) escapes `"`, `\`, \b \f \n \r \t and the other
 * control characters as \u00xx in lower-case hex, and nothing else, which is what JSON.stringify
 * does for a string without lone surrogates (text in the database has none). Integers print
 * alike. Timestamps are stored to the millisecond (timestamptz(3)), so to_char's `MS` loses
 * nothing that Date#toISOString would show. Each expression takes a trusted column reference,
 * never user input.
 */

/** A text, enum or uuid column as a JSON string, or null. */
export const jsonString = (column: string) => `coalesce(to_json(${column}::text)::text, 'null')`;

/**
 * A uuid, enum or date column as a JSON string, or null: their text (hex digits and hyphens, enum
 * labels in capitals and underscores, YYYY-MM-DD) never needs escaping, so this skips to_json.
 */
export const jsonPlainString = (column: string) => `coalesce('"' || ${column}::text || '"', 'null')`;

/** An integer column as a JSON number, or null. */
export const jsonInteger = (column: string) => `coalesce(${column}::text, 'null')`;

/** A timestamptz as Date#toISOString writes it ("2026-11-27T09:00:00.123Z"), or null. */
export const jsonTimestamp = (column: string) =>
  `coalesce('"' || to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`;

/**
 * A decimal as lib/export/readable-decimal.ts writes it, quoted: the zeros after the point
 * trimmed, then the point when nothing is left after it ("4000.000000" → "4000").
 */
export const jsonDecimal = (column: string) =>
  `coalesce('"' || CASE WHEN position('.' in ${column}::text) > 0 THEN rtrim(rtrim(${column}::text, '0'), '.') ELSE ${column}::text END || '"', 'null')`;

/**
 * An object's JSON text from its fields in order: `{"key":value,…}`, each value an expression
 * above. One concat() call rather than a chain of `||`, which copies the growing text once per
 * field (PostgreSQL spent ~25 µs a claim on that).
 */
export function jsonObject(fields: readonly (readonly [key: string, value: string])[], options: { open?: boolean } = {}): string {
  const parts = fields.flatMap(([key, value], i) => [`'${i === 0 ? "{" : ","}${JSON.stringify(key)}:'`, value]);
  return `concat(${[...parts, ...(options.open ? [] : ["'}'"])].join(", ")})`;
}
