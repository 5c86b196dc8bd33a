/**
 * Derek's one permission policy. Every page, route handler and server action asks it; nothing
 * else decides who may do what. Hiding a button in the interface is only a courtesy.
 */

import { DerekError, type RefusalOptions } from "@/lib/core/errors";
import { englishMessage } from "@/lib/core/english-messages";
import type { MessageCode } from "@/lib/core/message-codes";
import type libAuth from "../../messages/en/libAuth.json";

export type Role = "EDITOR" | "REVIEWER" | "ADMIN";
export type ClaimStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "DISPUTED" | "VERIFIED";

/**
 * What "awaiting review" means: submitted, or disputed (a dispute is settled by a reviewer other
 * than the one who raised it). The queue, its count, assigning and deciding all read this.
 */
export const AWAITING_REVIEW = ["SUBMITTED", "DISPUTED"] as const satisfies readonly ClaimStatus[];

export function isAwaitingReview(status: ClaimStatus): boolean {
  return (AWAITING_REVIEW as readonly ClaimStatus[]).includes(status);
}

export interface Actor {
  id: string;
  role: Role;
  active: boolean;
}

export interface ClaimResource {
  authorId: string;
  status: ClaimStatus;
}

/** Something one user owns (a saved claim set). */
export interface OwnedResource {
  ownerId: string;
}

export const ACTIONS = [
  "article.list",
  "article.read",
  "article.import",
  "article.edit",
  "claim.create",
  "claim.edit",
  "claim.delete",
  "claim.submit",
  "claim.review",
  "review.queue",
  "claim.reopen",
  "claim.comment",
  "claim.reassign",
  "source.create",
  "audit.read",
  "ledger.read",
  "group.edit",
  "claimset.save",
  "claimset.delete",
  "export.run",
  "backup.create",
  "backup.restore",
  "user.manage",
  "user.password_reset",
  "token.manage",
  "account.change_password",
] as const;

export type Action = (typeof ACTIONS)[number];

/** A refusal names its entry of messages/<locale>/libAuth.json ("policy.ownClaim"); `reason` is it in English. */
export type Decision = { allowed: true } | { allowed: false; code: MessageCode; reason: string };

type PolicyReason = keyof (typeof libAuth)["policy"];

const ALLOW: Decision = { allowed: true };
// One refusal per reason, worded once: a page asks the policy about every claim it lists (2,000 on
// a long article, four questions each), and wording a refusal parses its ICU message.
const DENIALS = new Map<PolicyReason, Decision>();
function deny(reason: PolicyReason): Decision {
  let decision = DENIALS.get(reason);
  if (!decision) {
    const code = `libAuth.policy.${reason}` as const;
    decision = Object.freeze({ allowed: false, code, reason: englishMessage(code) });
    DENIALS.set(reason, decision);
  }
  return decision;
}

const EDITORS: readonly Role[] = ["EDITOR", "ADMIN"];
const REVIEWERS: readonly Role[] = ["REVIEWER", "ADMIN"];
const EVERYONE: readonly Role[] = ["EDITOR", "REVIEWER", "ADMIN"];

/** Which roles may attempt an action at all; ownership and state rules follow in `decide`. */
const ROLES_FOR: Record<Action, readonly Role[]> = {
  "article.list": EVERYONE,
  "article.read": EVERYONE,
  "article.import": EDITORS,
  "article.edit": EDITORS,
  "claim.create": EDITORS,
  "claim.edit": EDITORS,
  "claim.delete": EDITORS,
  "claim.submit": EDITORS,
  "claim.review": REVIEWERS,
  // Seeing the queue (and its count in the header) names no claim: deciding one is claim.review.
  "review.queue": REVIEWERS,
  "claim.reopen": REVIEWERS,
  "claim.comment": EVERYONE,
  "claim.reassign": ["ADMIN"],
  "source.create": EDITORS,
  "audit.read": EVERYONE,
  "ledger.read": EVERYONE,
  // Confirming, splitting and merging groups of the same claim is editorial work.
  "group.edit": EDITORS,
  "claimset.save": EVERYONE,
  "claimset.delete": EVERYONE,
  "export.run": EVERYONE,
  // A full backup holds what the ledger shows nobody (deleted claims); restoring one writes
  // articles, claims and reviews in bulk.
  "backup.create": ["ADMIN"],
  "backup.restore": ["ADMIN"],
  "user.manage": ["ADMIN"],
  // Whoever sets a password can sign in as that user.
  "user.password_reset": ["ADMIN"],
  "token.manage": ["ADMIN"],
  // One's own password, proven by the current one (lib/users/change-own-password.ts).
  "account.change_password": EVERYONE,
};

const CLAIM_ACTIONS = new Set<Action>(["claim.edit", "claim.delete", "claim.submit", "claim.review", "claim.reopen"]);
const OWNED_ACTIONS = new Set<Action>(["claimset.delete"]);

export function decide(actor: Actor | null | undefined, action: Action, resource?: ClaimResource | OwnedResource): Decision {
  if (!actor) return deny("signInFirst");
  if (!actor.active) return deny("deactivated");
  if (!ROLES_FOR[action].includes(actor.role)) return deny("roleNotAllowed");
  if (OWNED_ACTIONS.has(action)) {
    if (!resource || !("ownerId" in resource)) return deny("nothingNamed");
    return resource.ownerId === actor.id || actor.role === "ADMIN" ? ALLOW : deny("ownerOnly");
  }
  if (!CLAIM_ACTIONS.has(action)) return ALLOW;
  if (!resource || !("authorId" in resource)) return deny("noClaimNamed");
  const claim = resource;

  const isAuthor = claim.authorId === actor.id;
  switch (action) {
    case "claim.edit":
    case "claim.delete":
    case "claim.submit":
      // A verified claim is the newsroom's published word: it changes only by being re-opened.
      if (claim.status === "VERIFIED") return deny("verifiedLocked");
      if (!isAuthor && actor.role !== "ADMIN") return deny("authorOnly");
      if (action === "claim.submit" && claim.status === "SUBMITTED") return deny("alreadySubmitted");
      // Submitting again would put a dispute back in the queue as if it were new.
      if (action === "claim.submit" && claim.status === "DISPUTED") return deny("disputedSubmit");
      return ALLOW;
    case "claim.review":
      // The two-person rule holds for admins too: nobody verifies their own claim.
      if (isAuthor) return deny("ownClaim");
      if (!isAwaitingReview(claim.status)) return deny("notAwaiting");
      return ALLOW;
    case "claim.reopen":
      if (claim.status !== "VERIFIED") return deny("reopenVerifiedOnly");
      return ALLOW;
    default:
      return ALLOW;
  }
}

export function can(actor: Actor | null | undefined, action: Action, resource?: ClaimResource | OwnedResource): boolean {
  return decide(actor, action, resource).allowed;
}

/** The policy's refusal: a coded error of kind "forbidden", shown in the reader's language. */
export class ForbiddenError extends DerekError {
  constructor(code: MessageCode, options: Omit<RefusalOptions, "kind"> = {}) {
    super(code, { ...options, kind: "forbidden" });
    this.name = "ForbiddenError";
  }
}

/** Throws ForbiddenError with the policy's reason unless the action is allowed. */
export function authorize(
  actor: Actor | null | undefined,
  action: Action,
  resource?: ClaimResource | OwnedResource,
): asserts actor is Actor {
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw new ForbiddenError(decision.code);
}
