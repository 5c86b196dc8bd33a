import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/core/ids";
import type { Actor, Role } from "./policy";

export interface SessionActor extends Actor {
  name: string;
  email: string;
  role: Role;
  locale: string | null;
}

/** What a next-auth session token says about itself. */
export interface SessionFacts {
  /** When it was signed in (ms since the epoch), or null for a token that does not say. */
  signedInAt: number | null;
  /**
   * The id it was given at sign-in, which sign-out ends (end-session.ts); null for a token that
   * has none (issued before sessions had ids, so no sign-out could have ended it: refused).
   * Left out by callers that check only the times.
   */
  sessionId?: string | null;
}

/**
 * Reads the signed-in user afresh on every request, so a deactivation, a role change or a new
 * password takes effect at the next request rather than when the session token expires.
 *
 * `session` is given for a next-auth session. It is over when it was signed in before the
 * password was last set or the account last deactivated or reactivated, or when it was signed
 * out. API tokens give none: neither a new password nor a sign-out revokes them.
 */
export async function loadActor(userId: string | undefined | null, session?: SessionFacts): Promise<SessionActor | null> {
  // Prisma drops a filter whose value is undefined; refuse before querying.
  if (!userId || !isUuid(userId)) return null;
  if (session?.sessionId === null) return null;
  const sessionId = session?.sessionId;
  if (sessionId !== undefined && !isUuid(sessionId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      locale: true,
      passwordChangedAt: true,
      sessionsEndedAt: true,
      // Read in the same query: a signed-out session costs no second round trip.
      ...(sessionId ? { endedSessions: { where: { id: sessionId }, select: { id: true } } } : {}),
    },
  });
  if (!user || !user.active) return null;
  if (session && sessionEnded(session.signedInAt, [user.passwordChangedAt, user.sessionsEndedAt])) return null;
  if ("endedSessions" in user && Array.isArray(user.endedSessions) && user.endedSessions.length > 0) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, active: user.active, locale: user.locale };
}

function sessionEnded(signedInAt: number | null, endings: (Date | null)[]): boolean {
  const latest = Math.max(...endings.map((ending) => ending?.getTime() ?? -Infinity));
  if (latest === -Infinity) return false;
  return signedInAt === null || signedInAt < latest;
}
