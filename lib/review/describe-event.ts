import type { AuditAction } from "@/lib/core/audit-actions";
import { isRating, type Rating } from "./rating-scale";

/** An audit event as the history and the activity feed read it. */
export interface DescribableEvent {
  action: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Every action the activity feed can be filtered by, with how the filter names it in English.
 * The interface shows the "activity" catalog's `action` entries, which a unit test keeps equal to
 * these; the keys are what the filter accepts in the URL.
 */
export const ACTIVITY_ACTIONS: Readonly<Record<AuditAction, string>> = {
  "claim.create": "Claim tagged",
  "claim.update": "Claim edited",
  "claim.delete": "Claim deleted",
  "claim.restore": "Claim restored",
  "claim.submit": "Submitted for review",
  "claim.approve": "Approved",
  "claim.return": "Returned to the editor",
  "claim.dispute": "Marked disputed",
  "claim.reopen": "Re-opened",
  "claim.reassign": "Assigned to a reviewer",
  "claim.reanchor": "Claim moved with a text revision",
  "claim.reattach": "Claim re-attached",
  "comment.create": "Comment",
  "article.create": "Article imported",
  "article.revise": "Article text revised",
  "article.update_details": "Article details edited",
  "suggestion.dismiss": "Suggestion dismissed",
  "suggestion.undismiss": "Suggestion restored",
  "group.propose": "Group proposed",
  "group.withdraw": "Proposed group withdrawn",
  "group.confirm": "Group confirmed",
  "group.add_claim": "Claim added to a group",
  "group.remove_claim": "Claim taken out of a group",
  "group.split": "Group split",
  "group.merge": "Groups merged",
  "group.dissolve": "Group dissolved",
  "claimset.create": "Claim set saved",
  "claimset.update": "Claim set updated",
  "claimset.delete": "Claim set deleted",
  "export.created": "Export",
  "export.failed": "Export not finished",
  "backup.restored": "Backup restored",
  "claim.restored": "Claim restored from a backup",
  "review.restored": "Review restored from a backup",
  "token.issue": "API token issued",
  "token.revoke": "API token revoked",
  "user.create": "User added",
  "user.update": "User changed",
  "user.deactivate": "User deactivated",
  "user.reactivate": "User reactivated",
  "user.password_reset": "Password set",
  "user.password_changed": "Own password changed",
};

/** The sentences an event can be told in: entries of the "activity" catalog's `event` group. */
export type EventKey =
  | "tagged"
  | "edited"
  | "deleted"
  | "restored"
  | "submitted"
  | "approved"
  | "approvedWithComment"
  | "returned"
  | "returnedWithComment"
  | "disputed"
  | "disputedWithComment"
  | "reopened"
  | "reopenedWithComment"
  | "assigned"
  | "unassigned"
  | "reanchored"
  | "reanchoredOrphaned"
  | "reattached"
  | "commented"
  | "commentedWithComment"
  | "articleImported"
  | "articleRevised"
  | "articleDetailsEdited"
  | "suggestionDismissed"
  | "suggestionRestored"
  | "groupProposed"
  | "groupWithdrawn"
  | "groupConfirmed"
  | "groupConfirmedNamed"
  | "groupClaimAdded"
  | "groupClaimRemoved"
  | "groupClaimRemovedDissolved"
  | "groupSplit"
  | "groupSplitOff"
  | "groupMerged"
  | "groupMergedInto"
  | "groupDissolved"
  | "claimSetSaved"
  | "claimSetUpdated"
  | "claimSetDeleted"
  | "exported"
  | "exportNotFinished"
  | "backupRestored"
  | "claimRestoredFromBackup"
  | "reviewRestoredApproved"
  | "reviewRestored"
  | "tokenIssued"
  | "tokenRevoked"
  | "userAdded"
  | "userChanged"
  | "userDeactivated"
  | "userReactivated"
  | "userPasswordSet"
  | "userPasswordChanged"
  | "unknown";

/**
 * An event told as a sentence of the reader's language: which sentence, and the values that go
 * into it. Names, comments and reasons are the newsroom's own words and go in as written; counts
 * go in as numbers, so each language puts its own plural and digit grouping on them.
 */
export interface EventLine {
  key: EventKey;
  values: Record<string, string | number>;
  /** For an approval: the verdict the sentence names, null when the event recorded none. */
  rating?: Rating | null;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown, maxLength: number): string {
  if (typeof value !== "string" || value === "") return "";
  return value.length > maxLength ? `${value.slice(0, maxLength - 1).trimEnd()}…` : value;
}

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

// Sentences that only name who did it.
const PLAIN: Readonly<Record<string, EventKey>> = {
  "claim.create": "tagged",
  "claim.update": "edited",
  "claim.delete": "deleted",
  "claim.restore": "restored",
  "claim.submit": "submitted",
  "claim.reattach": "reattached",
  "article.create": "articleImported",
  "article.revise": "articleRevised",
  "article.update_details": "articleDetailsEdited",
  "suggestion.dismiss": "suggestionDismissed",
  "suggestion.undismiss": "suggestionRestored",
  "group.add_claim": "groupClaimAdded",
  "user.create": "userAdded",
  "user.update": "userChanged",
  "user.deactivate": "userDeactivated",
  "user.reactivate": "userReactivated",
  "user.password_reset": "userPasswordSet",
  "user.password_changed": "userPasswordChanged",
};

/**
 * One line per audit event: "Әйгерім Сейітова submitted for review", "Нұрлан Әбенов approved:
 * true", "… re-opened it: the ministry corrected its figure". Only what the event recorded is
 * used, so the history reads the same however the claim has changed since. `maxLength` shortens
 * comments and reasons for the activity feed; the claim's own history shows them whole.
 */
export function describeEvent(event: DescribableEvent, maxLength = Number.POSITIVE_INFINITY): EventLine {
  // An event without an actor was written by the system itself (an import at start-up, a seed,
  // proposals found by the grouping job, a restore from the command line).
  const who = event.actorName ?? "Derek";
  const { before, after } = event;
  const line = (key: EventKey, values: Record<string, string | number> = {}): EventLine => ({ key, values: { who, ...values } });
  // The same sentence with or without the words someone wrote.
  const saying = (key: EventKey, withComment: EventKey, value: unknown) => {
    const comment = text(value, maxLength);
    return comment ? line(withComment, { comment }) : line(key);
  };
  const review = field(after, "review");

  const plain = PLAIN[event.action];
  if (plain) return line(plain);
  switch (event.action) {
    case "claim.approve": {
      const rating = field(after, "rating");
      const comment = text(field(review, "comment"), maxLength);
      return { ...(comment ? line("approvedWithComment", { comment }) : line("approved")), rating: isRating(rating) ? rating : null };
    }
    case "claim.return":
      return saying("returned", "returnedWithComment", field(review, "comment"));
    case "claim.dispute":
      return saying("disputed", "disputedWithComment", field(review, "comment"));
    case "claim.reopen":
      return saying("reopened", "reopenedWithComment", field(review, "comment"));
    case "claim.reassign": {
      const assignee = field(after, "assigneeName");
      return typeof assignee === "string" ? line("assigned", { assignee }) : line("unassigned");
    }
    case "claim.reanchor":
      return line(field(after, "anchorStatus") === "ORPHANED" ? "reanchoredOrphaned" : "reanchored");
    case "comment.create":
      return saying("commented", "commentedWithComment", field(after, "body"));
    case "group.propose":
      return line("groupProposed", { count: count(field(after, "claimIds")) });
    case "group.withdraw":
      return line("groupWithdrawn", { count: count(field(before, "claimIds")) });
    case "group.confirm": {
      const label = text(field(after, "label"), maxLength);
      return label ? line("groupConfirmedNamed", { label }) : line("groupConfirmed", { count: count(field(after, "claimIds")) });
    }
    case "group.remove_claim":
      return line(field(after, "dissolved") === true ? "groupClaimRemovedDissolved" : "groupClaimRemoved");
    case "group.split":
      // A split writes two events: the group the claims left, and the new group they formed.
      return field(after, "splitFrom") !== undefined
        ? line("groupSplitOff", { count: count(field(after, "claimIds")) })
        : line("groupSplit", { count: count(field(after, "movedClaimIds")) });
    case "group.merge":
      // Likewise: the group that grew, and the one that went into it.
      return field(after, "mergedInto") !== undefined ? line("groupMergedInto") : line("groupMerged", { count: count(field(after, "claimIds")) });
    case "group.dissolve":
      return line("groupDissolved", { count: count(field(before, "claimIds")) });
    case "claimset.create":
      return line("claimSetSaved", { name: text(field(after, "name"), maxLength) });
    case "claimset.update":
      return line("claimSetUpdated", { name: text(field(after, "name"), maxLength) });
    case "claimset.delete":
      return line("claimSetDeleted", { name: text(field(before, "name"), maxLength) });
    case "export.created":
      return line("exported", { count: Number(field(after, "claims") ?? 0), format: String(field(after, "format") ?? "") });
    case "export.failed":
      // reason: "cancelled" (the download was stopped) or "error".
      return line("exportNotFinished", { format: String(field(after, "format") ?? ""), reason: String(field(after, "reason") ?? "error") });
    case "backup.restored":
      return line("backupRestored", { count: Number(field(field(after, "counts"), "claims") ?? 0) });
    // A claim and its reviews as a restore wrote them (lib/backup/restore-events.ts): who restored,
    // from which file, and the decision the file credits to its reviewer, told as the file's word.
    case "claim.restored":
      return line("claimRestoredFromBackup", { file: String(field(after, "sha256") ?? "").slice(0, 12) });
    case "review.restored": {
      const reviewer = text(field(review, "reviewerName"), maxLength) || "—";
      const decision = String(field(review, "decision") ?? "");
      if (decision !== "APPROVED") return line("reviewRestored", { reviewer, decision });
      const rating = field(review, "rating");
      return { ...line("reviewRestoredApproved", { reviewer }), rating: isRating(rating) ? rating : null };
    }
    case "token.issue":
      return line("tokenIssued", { name: text(field(after, "name"), maxLength), user: text(field(after, "userName"), maxLength) || "—" });
    case "token.revoke":
      return line("tokenRevoked", { name: text(field(after, "name"), maxLength) });
    default:
      return line("unknown", { action: event.action });
  }
}
