/**
 * Every action the audit trail records. `recordAuditEvent` takes only these, so an event cannot be
 * written under a name the history, the activity feed and its filter do not know.
 */
export const AUDIT_ACTIONS = [
  "claim.create",
  "claim.update",
  "claim.delete",
  "claim.restore",
  "claim.submit",
  "claim.approve",
  "claim.return",
  "claim.dispute",
  "claim.reopen",
  "claim.reassign",
  "claim.reanchor",
  "claim.reattach",
  "comment.create",
  "article.create",
  "article.revise",
  "article.update_details",
  "suggestion.dismiss",
  "suggestion.undismiss",
  "group.propose",
  "group.withdraw",
  "group.confirm",
  "group.add_claim",
  "group.remove_claim",
  "group.split",
  "group.merge",
  "group.dissolve",
  "claimset.create",
  "claimset.update",
  "claimset.delete",
  "export.created",
  "export.failed",
  "backup.restored",
  "claim.restored",
  "review.restored",
  "token.issue",
  "token.revoke",
  "user.create",
  "user.update",
  "user.deactivate",
  "user.reactivate",
  "user.password_reset",
  "user.password_changed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** Whether a stored or requested name (the activity filter's URL field) is an audit action. */
export function isAuditAction(value: string): value is AuditAction {
  return KNOWN.has(value);
}
