import { loadActor, type SessionActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";
import { hashApiToken, looksLikeApiToken } from "./api-token-secret";

/** How often lastUsedAt is written: a script calling every second should not write every second. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The user a presented token acts as, or null when the token is unknown, revoked, or its user
 * deactivated. The user is loaded the way a session's is (role and active read afresh), so a
 * token can never do more than its user may today.
 */
export async function verifyApiToken(presented: string): Promise<SessionActor | null> {
  if (!looksLikeApiToken(presented)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(presented) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) return null;
  const actor = await loadActor(token.userId);
  if (!actor) return null;
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // revokedAt in the WHERE, so a use racing a revocation cannot look like a later use.
    await db.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  return actor;
}
