import { authorize, type Actor } from "@/lib/auth/policy";
import type { ClaimStatus } from "@/lib/generated/prisma/client";

/** A state in which the policy lets a reviewer take each action; the claim's real state is checked after. */
const STATE_IT_ACTS_ON: Record<"claim.review" | "claim.reopen", ClaimStatus> = {
  "claim.review": "SUBMITTED",
  "claim.reopen": "VERIFIED",
};

/**
 * Whether this person may take the action on this claim at all (signed-in and active, their role,
 * the two-person rule), asked of the policy as if the claim were in the state the action is for.
 * Asked before the claim's version: someone who may not decide must not learn, from a conflict
 * message, who changed the claim and when. The state rule is asked afterwards, so a reviewer who
 * lost a race still learns who decided first rather than "cannot be decided".
 */
export function authorizeDecider(actor: Actor, action: keyof typeof STATE_IT_ACTS_ON, claim: { authorId: string }): void {
  authorize(actor, action, { authorId: claim.authorId, status: STATE_IT_ACTS_ON[action] });
}
