import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { describeEvent, type EventLine } from "./describe-event";

export interface HistoryEntry {
  id: string;
  action: string;
  actorName: string | null;
  at: Date;
  /** What happened, as a sentence to be told in the reader's language. */
  line: EventLine;
}

/**
 * Everything that happened to a claim, oldest first, read from the append-only audit trail:
 * its own events and those of its comments. Deleted claims keep their history.
 */
export async function getClaimHistory(options: { actor: Actor; claimId: string }): Promise<HistoryEntry[]> {
  authorize(options.actor, "audit.read");
  const comments = await db.comment.findMany({ where: { claimId: options.claimId }, select: { id: true } });
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Claim", entityId: options.claimId },
        ...(comments.length > 0 ? [{ entityType: "Comment", entityId: { in: comments.map((c) => c.id) } }] : []),
      ],
    },
    // Ids are handed out in the order events are written; two events can share a millisecond.
    orderBy: { id: "asc" },
    select: { id: true, action: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  return events.map((event) => {
    const actorName = event.actor?.name ?? null;
    return {
      id: event.id.toString(),
      action: event.action,
      actorName,
      at: event.createdAt,
      line: describeEvent({ action: event.action, actorName, before: event.before, after: event.after }),
    };
  });
}
