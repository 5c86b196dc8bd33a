import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/core/ids";

/**
 * Ends one signed-in session (sign-out): its token, even a copy taken before, is refused from now
 * on (load-actor.ts). The row is needed only until the token would have expired by itself, so
 * rows past that are removed at the same time.
 */
export async function endSession(session: { sessionId: string; userId: string; expiresAt: Date }): Promise<void> {
  if (!isUuid(session.sessionId) || !isUuid(session.userId)) return;
  await db.$transaction([
    db.endedSession.createMany({ data: [{ id: session.sessionId, userId: session.userId, expiresAt: session.expiresAt }], skipDuplicates: true }),
    db.endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
  ]);
}
