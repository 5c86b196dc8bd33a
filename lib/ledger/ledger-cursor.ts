import { isUuid } from "@/lib/core/ids";
import type { LedgerCursor } from "./ledger-sql";

/** An opaque, URL-safe page token. */
export function encodeLedgerCursor(cursor: LedgerCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

/** The cursor in a page link, or null when the link was damaged or hand-edited. */
export function decodeLedgerCursor(token: string): LedgerCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [key, id] = parsed;
    if ((key !== null && typeof key !== "string") || typeof id !== "string" || !isUuid(id)) return null;
    if (typeof key === "string" && key.length > 400) return null;
    // No text PostgreSQL hands out contains a NUL or half a surrogate pair, and it refuses both.
    if (typeof key === "string" && /[\u0000\p{Cs}]/u.test(key)) return null;
    return { key, id };
  } catch {
    return null;
  }
}
