import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { claimNotFoundError } from "@/lib/claims/claim-errors";
import { db } from "@/lib/db/client";
import { findMentions } from "./comment-mentions";
import type { AddCommentInput } from "./review-schemas";

/**
 * A comment on a claim, with the colleagues it names (@name) recorded for their Mentions. It
 * does not change the claim, so it carries no version and never conflicts with a decision. Its
 * audit event is a Comment event: were it a Claim event, the conflict message (built from a
 * claim's latest event) would name the commenter as the person who changed the claim.
 */
export async function addComment(options: { actor: Actor; input: AddCommentInput }) {
  authorize(options.actor, "claim.comment");
  const { claimId, body } = options.input;
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, select: { id: true } });
    if (!claim) throw claimNotFoundError();
    const comment = await tx.comment.create({
      data: { claimId, authorId: options.actor.id, body },
      select: { id: true, claimId: true, body: true, createdAt: true },
    });
    // Only active colleagues can be named: a deactivated account would never read it. Naming
    // oneself tells no one anything.
    const people = body.includes("@")
      ? await tx.user.findMany({ where: { active: true, id: { not: options.actor.id } }, select: { id: true, name: true } })
      : [];
    const mentioned = findMentions(body, people);
    if (mentioned.length > 0) await tx.commentMention.createMany({ data: mentioned.map((userId) => ({ commentId: comment.id, userId })) });
    await recordAuditEvent(tx, { actorId: options.actor.id, action: "comment.create", entityType: "Comment", entityId: comment.id, after: { claimId, body } });
    return { ...comment, mentioned };
  });
}
