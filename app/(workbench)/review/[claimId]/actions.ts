"use server";

import { revalidatePath } from "next/cache";
import { addComment } from "@/lib/review/add-comment";
import { decideClaim } from "@/lib/review/decide-claim";
import { reassignClaim } from "@/lib/review/reassign-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { addCommentSchema, decideClaimSchema, reassignClaimSchema, reopenClaimSchema } from "@/lib/review/review-schemas";
import { runAction } from "../../../_lib/action-result";

// Each action answers with the claim's new version; the page then re-renders from the database
// (the header's queue count included), so nothing on screen is patched by hand.
function refreshed(claimId: string, version: number | null = null) {
  revalidatePath(`/review/${claimId}`);
  revalidatePath("/review");
  return { version };
}

export async function decideClaimAction(input: unknown) {
  return runAction(decideClaimSchema, input, async (actor, data) => refreshed(data.claimId, (await decideClaim({ actor, input: data })).version));
}

export async function reopenClaimAction(input: unknown) {
  return runAction(reopenClaimSchema, input, async (actor, data) => refreshed(data.claimId, (await reopenClaim({ actor, input: data })).version));
}

export async function reassignClaimAction(input: unknown) {
  return runAction(reassignClaimSchema, input, async (actor, data) => refreshed(data.claimId, (await reassignClaim({ actor, input: data })).version));
}

export async function addCommentAction(input: unknown) {
  return runAction(addCommentSchema, input, async (actor, data) => {
    await addComment({ actor, input: data });
    return refreshed(data.claimId);
  });
}
