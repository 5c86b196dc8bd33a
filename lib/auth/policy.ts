/**
 * Derek's one permission policy. Every page, route handler and server action asks it; nothing
 * else decides who may do what. Hiding a button in the interface is only a courtesy.
 */

export type Role = "EDITOR" | "REVIEWER" | "ADMIN";
export type ClaimStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "DISPUTED" | "VERIFIED";

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

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

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
  if (!actor) return deny("Sign in first.");
  if (!actor.active) return deny("This account has been deactivated.");
  if (!ROLES_FOR[action].includes(actor.role)) return deny("Your role does not allow this.");
  if (OWNED_ACTIONS.has(action)) {
    if (!resource || !("ownerId" in resource)) return deny("Nothing was named.");
    return resource.ownerId === actor.id || actor.role === "ADMIN" ? ALLOW : deny("Only its owner can change this.");
  }
  if (!CLAIM_ACTIONS.has(action)) return ALLOW;
  if (!resource || !("authorId" in resource)) return deny("No claim was named.");
  const claim = resource;

  const isAuthor = claim.authorId === actor.id;
  switch (action) {
    case "claim.edit":
    case "claim.delete":
    case "claim.submit":
      // A verified claim is the newsroom's published word: it changes only by being re-opened.
      if (claim.status === "VERIFIED") return deny("A verified claim cannot be changed; a reviewer can re-open it.");
      if (!isAuthor && actor.role !== "ADMIN") return deny("Only the claim's author can change it.");
      if (action === "claim.submit" && claim.status === "SUBMITTED") return deny("The claim is already awaiting review.");
      return ALLOW;
    case "claim.review":
      // The two-person rule holds for admins too: nobody verifies their own claim.
      if (isAuthor) return deny("You cannot review a claim you wrote.");
      if (claim.status !== "SUBMITTED" && claim.status !== "DISPUTED")
        return deny("Only claims awaiting review can be decided.");
      return ALLOW;
    case "claim.reopen":
      if (claim.status !== "VERIFIED") return deny("Only a verified claim can be re-opened.");
      return ALLOW;
    default:
      return ALLOW;
  }
}

export function can(actor: Actor | null | undefined, action: Action, resource?: ClaimResource | OwnedResource): boolean {
  return decide(actor, action, resource).allowed;
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
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
  if (!decision.allowed) throw new ForbiddenError(decision.reason);
}
