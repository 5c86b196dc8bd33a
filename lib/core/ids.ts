/** A row id as PostgreSQL's uuid type writes it, in any letter case. */
const UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

const WHOLE_UUID = new RegExp(`^${UUID_TEXT}$`, "i");

/**
 * Whether a value from a URL, a form or a cookie can be a row id. Checked before the query, since
 * PostgreSQL refuses a malformed uuid with an error rather than finding no row.
 */
export function isUuid(value: string): boolean {
  return WHOLE_UUID.test(value);
}

/** Every id written anywhere in a text (a pasted link, say), lower-cased as the database stores them. */
export function uuidsIn(text: string): string[] {
  return (text.match(new RegExp(UUID_TEXT, "gi")) ?? []).map((id) => id.toLowerCase());
}

/** The pattern's source, for a format that embeds an id among other parts (a cursor). */
export const UUID_PATTERN_SOURCE = UUID_TEXT;
