/** A language's catalog: namespace → nested entries → message. */
export type Messages = Record<string, Record<string, unknown>>;

/** "a.b.c" → value, for every string leaf of a catalog. */
export function flattenMessages(messages: Record<string, unknown>, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(id, value);
    else if (value && typeof value === "object") for (const [k, v] of flattenMessages(value as Record<string, unknown>, id)) flat.set(k, v);
  }
  return flat;
}
