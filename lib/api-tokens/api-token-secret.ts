import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "derek_";

// "derek_" and 32 random bytes in base64url (43 characters, no padding).
const TOKEN_SHAPE = /^derek_[A-Za-z0-9_-]{43}$/;

/**
 * A new token. 256 random bits cannot be guessed, so a plain sha256 of it is a safe thing to store
 * and look up by (a slow password hash protects guessable secrets, which this is not). The prefix
 * lets secret scanners and people recognise a Derek token in a log or a paste.
 */
export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeApiToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
