import pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { decide, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { ClaimStatus } from "@/lib/generated/prisma/enums";
import { decideClaim } from "@/lib/review/decide-claim";
import { reassignClaim } from "@/lib/review/reassign-claim";
import { decideClaimSchema, reassignClaimSchema, type DecideClaimFormInput } from "@/lib/review/review-schemas";
import { REVIEW_AUDIT_FIELDS } from "@/lib/review/review-snapshot";
import { makeActor, seedArticle, submittedClaim } from "./fixtures";

/**
 * A decision is one SQL statement (lib/review/decide-claim.ts). What it writes must be what the
 * interactive transaction wrote, the audit event's JSON to the character, and its WHERE must agree
 * with the policy on every claim state.
 */
const QUOTE = "5 жылға";
let article: Awaited<ReturnType<typeof seedArticle>>;
let editor: Actor;
let reviewer: Actor;
let reviewer2: Actor;
let admin: Actor;

beforeAll(async () => {
  article = await seedArticle();
  editor = await makeActor("EDITOR", "editor@one.test", "Әйгерім");
  reviewer = await makeActor("REVIEWER", "reviewer@one.test", "Нұрлан");
  reviewer2 = await makeActor("REVIEWER", "reviewer2@one.test", "Гүлнар");
  admin = await makeActor("ADMIN", "admin@one.test", "Дәурен");
});

function decideOn(actor: Actor, claim: { id: string; version: number }, input: Omit<DecideClaimFormInput, "claimId" | "expectedVersion">) {
  return decideClaim({ actor, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, ...input }) });
}

/** The claim as recordAuditEvent stored it from a Prisma read: JSON.stringify of the row. */
async function prismaSnapshot(claimId: string) {
  const row = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: REVIEW_AUDIT_FIELDS });
  return { row, json: JSON.parse(JSON.stringify(row)) as Record<string, unknown> };
}

async function latestEvent(claimId: string) {
  return db.auditEvent.findFirstOrThrow({ where: { entityType: "Claim", entityId: claimId }, orderBy: { id: "desc" } });
}

// Every statement any pg client sends, counted where they all pass.
const sent: string[] = [];
const clientQuery = pg.Client.prototype.query;
function countStatements() {
  sent.length = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === "string" ? first : (first?.text ?? "?"));
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}
afterEach(() => {
  pg.Client.prototype.query = clientQuery;
});

describe("a decision in one statement", () => {
  it("records the claim before and after exactly as the Prisma row serialises, figures, dates and assignment included", async () => {
    const submitted = await submittedClaim(editor, article, QUOTE, {
      value: "1 200,5",
      min: "0,000001",
      max: "123456789012",
      claimant: "Сот",
      eventDate: "2025-03-14",
      note: "Екі дереккөз",
    });
    const assigned = await reassignClaim({ actor: admin, input: reassignClaimSchema.parse({ claimId: submitted.id, expectedVersion: submitted.version, assigneeId: reviewer.id }) });

    // A dispute keeps the assignment and the claim in the queue; then another reviewer approves.
    for (const [actor, input] of [
      [reviewer, { decision: "DISPUTE", comment: "  Күні басқа  " }],
      [reviewer2, { decision: "APPROVE", rating: "MOSTLY_TRUE" }],
    ] as const) {
      const before = await prismaSnapshot(submitted.id);
      const decided = await decideOn(actor, before.row, input);
      const after = await prismaSnapshot(submitted.id);
      // The same types the Prisma select returned (Decimal, Date), so callers see no difference.
      expect(decided).toEqual(after.row);
      const review = await db.review.findFirstOrThrow({ where: { claimId: submitted.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, decision: true, rating: true, comment: true } });
      const event = await latestEvent(submitted.id);
      expect(event).toMatchObject({ actorId: actor.id, action: input.decision === "DISPUTE" ? "claim.dispute" : "claim.approve" });
      expect(event.before).toStrictEqual(before.json);
      expect(event.after).toStrictEqual({ ...after.json, review });
    }
    const final = await prismaSnapshot(submitted.id);
    expect(final.json).toMatchObject({ value: "1200.5", min: "0.000001", max: "123456789012", eventDate: "2025-03-14T00:00:00.000Z", status: "VERIFIED", assigneeId: null });
    expect(assigned.assigneeId).toBe(reviewer.id);
  });

  it("sends one statement when it lands, and one more read to explain a refusal", async () => {
    const claim = await submittedClaim(editor, article, QUOTE);
    await decideOn(reviewer, claim, { decision: "APPROVE", rating: "TRUE" }); // warm the pool
    const next = await submittedClaim(editor, article, QUOTE);
    countStatements();
    await decideOn(reviewer, next, { decision: "APPROVE", rating: "TRUE" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/UPDATE "Claim"[\s\S]*INSERT INTO "Review"[\s\S]*INSERT INTO "AuditEvent"/);

    countStatements();
    await expect(decideOn(reviewer2, next, { decision: "RETURN", comment: "x" })).rejects.toMatchObject({ kind: "conflict" });
    expect(sent).toHaveLength(2);
  });

  it("lands exactly where the policy allows claim.review, and refuses with the policy's reason elsewhere", async () => {
    const outcomes: string[] = [];
    for (const author of [editor, admin]) {
      for (const status of Object.values(ClaimStatus)) {
        const created = await submittedClaim(author, article, QUOTE);
        const claim = await db.claim.update({ where: { id: created.id }, data: { status }, select: { id: true, version: true, authorId: true, status: true } });
        const policy = decide(admin, "claim.review", claim);
        const result = await decideOn(admin, claim, { decision: "DISPUTE", comment: "x" }).then(
          () => "landed",
          (error: { code?: string }) => error.code,
        );
        expect(result, `${status}, ${author === admin ? "own" : "someone else's"} claim`).toBe(policy.allowed ? "landed" : policy.code);
        outcomes.push(result ?? "");
      }
    }
    // Both sides of the rule were exercised: some land, and both refusals appear.
    expect(new Set(outcomes)).toEqual(new Set(["landed", "libAuth.policy.notAwaiting", "libAuth.policy.ownClaim"]));
  });
});
