import { db } from "@/lib/db/client";
import type { Actor, Role } from "./policy";

export interface SessionActor extends Actor {
  name: string;
  email: string;
  role: Role;
  locale: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the signed-in user afresh on every request, so a deactivation, a role change or a new
 * password takes effect at the next request rather than when the session token expires.
 *
 * `session` is given for a next-auth session: when it was signed in (milliseconds since the
 * epoch), or null for a token that does not say (signed in before Derek recorded it). A session
 * signed in before an admin last set the user's password is over. API tokens give none: a new
 * password does not revoke them.
 */
export async function loadActor(userId: string | undefined | null, session?: { signedInAt: number | null }): Promise<SessionActor | null> {
  // Prisma drops a filter whose value is undefined; refuse before querying.
  if (!userId || !UUID.test(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true, locale: true, passwordChangedAt: true },
  });
  if (!user || !user.active) return null;
  if (session && user.passwordChangedAt && (session.signedInAt === null || session.signedInAt < user.passwordChangedAt.getTime())) return null;
  const { passwordChangedAt: _passwordChangedAt, ...actor } = user;
  return actor;
}
