import type { AuditAction } from "@/lib/core/audit-actions";
import { AWAITING_REVIEW, authorize, type Actor } from "@/lib/auth/policy";
import { claimChangedError, claimNotFoundError } from "@/lib/claims/claim-errors";
import { db } from "@/lib/db/client";
import { uuidV7 } from "@/lib/db/uuid-v7";
import { Prisma, type ClaimStatus, type ReviewDecision } from "@/lib/generated/prisma/client";
import type { Decision, DecideClaimInput } from "./review-schemas";
import { authorizeDecider, authorizeDeciderRole } from "./authorize-decider";
import type { REVIEW_AUDIT_FIELDS } from "./review-snapshot";
import { reviewSnapshotColumns, reviewSnapshotJson } from "./review-snapshot-sql";

const OUTCOME: Record<Decision, { status: ClaimStatus; review: ReviewDecision; auditAction: AuditAction }> = {
  APPROVE: { status: "VERIFIED", review: "APPROVED", auditAction: "claim.approve" },
  RETURN: { status: "RETURNED", review: "RETURNED", auditAction: "claim.return" },
  DISPUTE: { status: "DISPUTED", review: "DISPUTED", auditAction: "claim.dispute" },
};

/** The claim after a decision, as the review pages and the audit event read it. */
export type DecidedClaim = Prisma.ClaimGetPayload<{ select: typeof REVIEW_AUDIT_FIELDS }>;

const AWAITING = Prisma.raw(AWAITING_REVIEW.map((status) => `'${status}'`).join(", "));

/**
 * The whole decision as one statement: the claim's new state, its Review row and the audit event
 * (the claim before and after, with the review) land together or not at all. Its WHERE is the
 * write-time enforcement of the policy's rules for claim.review that depend on the claim (the
 * two-person rule, awaiting review, not deleted) plus the version the reviewer saw; the row is
 * locked (FOR UPDATE) before it is read for the "before" snapshot, so a decision that waited for a
 * colleague's sees their committed row and fails on its version.
 */
export function decisionStatement(actor: Pick<Actor, "id">, input: DecideClaimInput, reviewId: string = uuidV7()): Prisma.Sql {
  const { claimId, expectedVersion, decision, comment } = input;
  const outcome = OUTCOME[decision];
  const rating = decision === "APPROVE" ? input.rating : null;
  // An assignment lasts while the claim awaits review, and a disputed claim still does; a dispute
  // puts it back at the end of the queue. Approving or returning takes it out and clears queuedAt,
  // which only ever means "waiting since".
  const staysQueued = decision === "DISPUTE";
  return Prisma.sql`
    WITH changed AS (
      UPDATE "Claim" AS c
         SET "status" = ${outcome.status}::"ClaimStatus",
             "rating" = ${rating}::"Rating",
             "assigneeId" = CASE WHEN ${staysQueued}::boolean THEN c."assigneeId" END,
             "queuedAt" = CASE WHEN ${staysQueued}::boolean THEN now() END,
             "version" = c."version" + 1,
             "updatedAt" = now()
        FROM (SELECT * FROM "Claim" WHERE "id" = ${claimId}::uuid FOR UPDATE) AS prior
       WHERE c."id" = prior."id"
         AND c."version" = ${expectedVersion}::int
         AND c."deletedAt" IS NULL
         AND c."status" IN (${AWAITING})
         AND c."authorId" <> ${actor.id}::uuid
      RETURNING ${reviewSnapshotColumns("c")}, ${reviewSnapshotJson("prior")} AS "auditBefore", ${reviewSnapshotJson("c")} AS "auditAfter"
    ), review AS (
      INSERT INTO "Review" ("id", "claimId", "reviewerId", "decision", "rating", "comment")
      SELECT ${reviewId}::uuid, changed."id", ${actor.id}::uuid, ${outcome.review}::"ReviewDecision", ${rating}::"Rating", ${comment}::text
        FROM changed
      RETURNING "id", "decision", "rating", "comment"
    ), event AS (
      INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "before", "after")
      SELECT ${actor.id}::uuid, ${outcome.auditAction}, 'Claim', changed."id"::text, changed."auditBefore",
             changed."auditAfter" || jsonb_build_object('review', jsonb_build_object('id', review."id", 'decision', review."decision", 'rating', review."rating", 'comment', review."comment"))
        FROM changed, review
    )
    SELECT ${reviewSnapshotColumns("changed")} FROM changed`;
}

/**
 * A reviewer's decision on a claim awaiting review: approve with a verdict, send it back to the
 * editor, or mark it disputed, on the version the reviewer saw. One round trip when it lands;
 * when it does not, one more read says why, in the words the policy and the conflict check use.
 */
export async function decideClaim(options: { actor: Actor; input: DecideClaimInput }): Promise<DecidedClaim> {
  // What the policy can say of the person alone (signed in, active, a reviewer's role) is asked
  // before anything is written; what depends on the claim, the statement enforces.
  authorizeDeciderRole(options.actor, "claim.review");
  const rows = await db.$queryRaw<DecidedClaim[]>(decisionStatement(options.actor, options.input));
  if (rows.length === 1) return rows[0];
  throw await whyNotDecided(options.actor, options.input);
}

/**
 * The statement changed nothing: read the claim and its latest audit event once, and answer as
 * the checks in this order answer. Who may decide comes before the version (someone who may not
 * must not learn, from a conflict message, who changed the claim and when); the state comes after
 * it (a reviewer who lost a race learns who decided first, not that it "cannot be decided").
 */
async function whyNotDecided(actor: Actor, input: DecideClaimInput): Promise<Error> {
  const [claim] = await db.$queryRaw<{ authorId: string; status: ClaimStatus; version: number; deleted: boolean; changedAt: Date | null; changedBy: string | null }[]>`
    SELECT c."authorId", c."status", c."version", c."deletedAt" IS NOT NULL AS "deleted", latest."createdAt" AS "changedAt", u."name" AS "changedBy"
      FROM "Claim" c
      LEFT JOIN LATERAL (
        SELECT e."createdAt", e."actorId" FROM "AuditEvent" e
         WHERE e."entityType" = 'Claim' AND e."entityId" = c."id"::text
         ORDER BY e."id" DESC LIMIT 1
      ) latest ON true
      LEFT JOIN "User" u ON u."id" = latest."actorId"
     WHERE c."id" = ${input.claimId}::uuid`;
  if (!claim || claim.deleted) return claimNotFoundError();
  const conflict = claimChangedError(claim.changedBy, claim.changedAt);
  try {
    authorizeDecider(actor, "claim.review", claim);
    if (claim.version !== input.expectedVersion) return conflict;
    authorize(actor, "claim.review", claim);
  } catch (refusal) {
    return refusal as Error;
  }
  // Everything the statement checks holds now: the claim changed between the two reads.
  return conflict;
}
