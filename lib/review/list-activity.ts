import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseDateOnly } from "@/lib/core/dates";
import { describeEvent, type EventLine } from "./describe-event";

export const ACTIVITY_PAGE_SIZE = 50;

export interface ActivityFilters {
  actorId?: string;
  action?: string;
  /** Calendar days (YYYY-MM-DD, UTC), both included. */
  from?: string;
  to?: string;
}

export interface ActivityItem {
  id: bigint;
  action: string;
  actorId: string | null;
  actorName: string | null;
  at: Date;
  /** What happened, as a sentence to be told in the reader's language. */
  line: EventLine;
  /** The claim the event is about, for a link to its review page; null for other entities. */
  claimId: string | null;
}

function nextDay(day: string): Date {
  const date = parseDateOnly(day);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/**
 * Everyone's activity, newest first, from the audit trail. Keyset pagination on the event id
 * (ids are handed out in writing order): a page link stays right while new events arrive,
 * where an offset would shift by however many were written meanwhile.
 */
export async function listActivity(options: { actor: Actor; filters?: ActivityFilters; before?: bigint | null; take?: number }) {
  authorize(options.actor, "audit.read");
  const filters = options.filters ?? {};
  const take = options.take ?? ACTIVITY_PAGE_SIZE;
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = parseDateOnly(filters.from);
  if (filters.to) createdAt.lt = nextDay(filters.to);
  const where: Prisma.AuditEventWhereInput = {
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
    ...(options.before ? { id: { lt: options.before } } : {}),
  };
  const events = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: take + 1,
    select: { id: true, action: true, entityType: true, entityId: true, actorId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  const items: ActivityItem[] = events.slice(0, take).map((event) => {
    const actorName = event.actor?.name ?? null;
    const commentClaim = event.entityType === "Comment" ? (event.after as { claimId?: unknown } | null)?.claimId : undefined;
    return {
      id: event.id,
      action: event.action,
      actorId: event.actorId,
      actorName,
      at: event.createdAt,
      line: describeEvent({ action: event.action, actorName, before: event.before, after: event.after }, 160),
      claimId: event.entityType === "Claim" ? event.entityId : typeof commentClaim === "string" ? commentClaim : null,
    };
  });
  return { items, next: events.length > take ? items.at(-1)!.id : null };
}
