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
 * Reads the signed-in user afresh on every request, so a deactivation or a role change takes
 * effect at the next request rather than when the session token expires.
 */
export async function loadActor(userId: string | undefined | null): Promise<SessionActor | null> {
  // Prisma drops a filter whose value is undefined; refuse before querying.
  if (!userId || !UUID.test(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true, locale: true },
  });
  if (!user || !user.active) return null;
  return user;
}
