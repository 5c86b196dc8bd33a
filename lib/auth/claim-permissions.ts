import { can, type Actor, type ClaimResource } from "./policy";

/**
 * The policy's answers about one claim for one person, computed on the server and sent with the
 * claim, so a page offers exactly the buttons whose server actions will accept it.
 */
export interface ClaimPermissions {
  canEdit: boolean;
  /** Also undoing the deletion (restoring the claim). */
  canDelete: boolean;
  canSubmit: boolean;
  /** Approving, returning or disputing it on its review page. */
  canDecide: boolean;
}

export function claimPermissions(actor: Actor, claim: ClaimResource): ClaimPermissions {
  return {
    canEdit: can(actor, "claim.edit", claim),
    canDelete: can(actor, "claim.delete", claim),
    canSubmit: can(actor, "claim.submit", claim),
    canDecide: can(actor, "claim.review", claim),
  };
}
