import type { Tx } from "@/lib/db/client";

/** Rows per INSERT … SELECT: the ids and lines travel as two array parameters. */
const EVENT_BATCH = 20_000;

/**
 * One audit event per restored claim ("claim.restored") and per restored review
 * ("review.restored"), by whoever restored (null: the command line), each carrying the file's
 * sha256 and its line. Both are events of the claim, so its history and the activity feed tell
 * that its state and its reviews came from a file, not from decisions taken here: a review in a
 * backup is credited to its reviewer, and only this trail says who put it there.
 *
 * Written after the last line, when the file's sha256 is known, from the rows just stored (the
 * audit table is only ever inserted into). Claims first, then reviews, each in file order, so a
 * claim's history reads its restoration before its reviews.
 */
export async function recordRestoreEvents(
  tx: Tx,
  options: { actorId: string | null; sha256: string; claims: Map<string, number>; reviews: Map<string, number> },
): Promise<void> {
  const { actorId, sha256 } = options;
  for (const [ids, lines] of batches(options.claims)) {
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "after")
      SELECT ${actorId}::uuid, 'claim.restored', 'Claim', c.id::text,
             jsonb_build_object('sha256', ${sha256}::text, 'line', l.line, 'status', c.status, 'rating', c.rating,
                                'authorId', c."authorId", 'articleId', c."articleId", 'deletedAt', c."deletedAt")
        FROM unnest(${ids}::uuid[], ${lines}::int4[]) AS l(id, line)
        JOIN "Claim" c ON c.id = l.id
       ORDER BY l.line`;
  }
  for (const [ids, lines] of batches(options.reviews)) {
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "after")
      SELECT ${actorId}::uuid, 'review.restored', 'Claim', r."claimId"::text,
             jsonb_build_object('sha256', ${sha256}::text, 'line', l.line,
                                'review', jsonb_build_object('id', r.id, 'reviewerId', r."reviewerId", 'reviewerName', u.name,
                                                             'decision', r.decision, 'rating', r.rating, 'comment', r.comment,
                                                             'createdAt', r."createdAt"))
        FROM unnest(${ids}::uuid[], ${lines}::int4[]) AS l(id, line)
        JOIN "Review" r ON r.id = l.id
        JOIN "User" u ON u.id = r."reviewerId"
       ORDER BY l.line`;
  }
}

function* batches(byId: Map<string, number>): Generator<[string[], number[]]> {
  let ids: string[] = [];
  let lines: number[] = [];
  for (const [id, line] of byId) {
    ids.push(id);
    lines.push(line);
    if (ids.length === EVENT_BATCH) {
      yield [ids, lines];
      ids = [];
      lines = [];
    }
  }
  if (ids.length > 0) yield [ids, lines];
}
