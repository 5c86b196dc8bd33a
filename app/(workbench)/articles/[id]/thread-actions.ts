"use server";

import { can, type Actor } from "@/lib/auth/policy";
import { claimRefSchema } from "@/lib/claims/claim-schemas";
import { addComment } from "@/lib/review/add-comment";
import { getClaimThread } from "@/lib/review/get-claim-thread";
import { addCommentSchema } from "@/lib/review/review-schemas";
import { runAction } from "../../../_lib/action-result";

// The thread is read when a claim is opened, never sent with the article's claims: most claims
// are never opened, and most have no thread.
async function thread(actor: Actor, claimId: string) {
  return { claimId, entries: await getClaimThread({ actor, claimId }), canReply: can(actor, "claim.comment") };
}

export async function claimThreadAction(input: unknown) {
  return runAction(claimRefSchema.pick({ claimId: true }), input, (actor, { claimId }) => thread(actor, claimId));
}

/** An answer in the thread: the same comment as on the review page, answered with the thread as it now is. */
export async function replyToClaimAction(input: unknown) {
  return runAction(addCommentSchema, input, async (actor, data) => {
    await addComment({ actor, input: data });
    return thread(actor, data.claimId);
  });
}

