import { authorize, type Actor } from "@/lib/auth/policy";
import type { ClaimStatus } from "@/lib/generated/prisma/client";

type DecidingAction = "claim.review" | "claim.reopen";

/** A state in which the policy lets a reviewer take each action; the claim's real state is checked after. */
const STATE_IT_ACTS_ON: Record<DecidingAction, ClaimStatus> = {
  "claim.review": "SUBMITTED",
  "claim.reopen": "VERIFIED",
};

/** No user's id: a claim written by it is written by someone other than whoever asks. */
const SOMEONE_ELSE = "";

/**
 * Whether this person may take the action on this claim at all (signed-in and active, their role,
 * the two-person rule), asked of the policy as if the claim were in the state the action is for.
 * Asked before the claim's version: someone who may not decide must not learn, from a conflict
 * message, who changed the claim and when. The state rule is asked afterwards, so a reviewer who
 * lost a race still learns who decided first rather than "cannot be decided".
 */
export function authorizeDecider(actor: Actor, action: DecidingAction, claim: { authorId: string }): void {
  authorize(actor, action, { authorId: claim.authorId, status: STATE_IT_ACTS_ON[action] });
}

/**
 * The same question before the claim is read: may this person take the action on someone else's
 * claim in the state it is for. What is left (whose claim it is, its state) depends on the row,
 * which a one-statement change enforces in its WHERE and explains afterwards with authorizeDecider.
 */
export function authorizeDeciderRole(actor: Actor, action: DecidingAction): void {
  authorizeDecider(actor, action, { authorId: SOMEONE_ELSE });
}
