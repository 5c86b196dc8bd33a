import { createHash } from "node:crypto";

/** sha256 of the plain text: two imports of the same text have the same hash. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
