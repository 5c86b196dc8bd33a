import { VERDICTS, isRating } from "./rating-scale";

/** An audit event as the history and the activity feed read it. */
export interface DescribableEvent {
  action: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

/** Every action the activity feed can be filtered by, with how the filter names it. */
export const ACTIVITY_ACTIONS: Readonly<Record<string, string>> = {
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
  "user.create": "User added",
  "user.update": "User changed",
  "user.deactivate": "User deactivated",
  "user.reactivate": "User reactivated",
};

function field(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown, maxLength: number): string {
  if (typeof value !== "string" || value === "") return "";
  return value.length > maxLength ? `${value.slice(0, maxLength - 1).trimEnd()}…` : value;
}

/**
 * One human line per audit event: "Әйгерім Сейітова submitted for review", "Нұрлан Әбенов
 * approved: true", "… re-opened it: the ministry corrected its figure". Only what the event
 * recorded is used, so the history reads the same however the claim has changed since.
 * `maxLength` shortens comments and reasons for the activity feed; the claim's own history
 * shows them whole.
 */
export function describeEvent(event: DescribableEvent, maxLength = Number.POSITIVE_INFINITY): string {
  // An event without an actor was written by the system itself (an import at start-up, a seed).
  const who = event.actorName ?? "Derek";
  const review = field(event.after, "review");
  const said = (value: unknown) => {
    const words = text(value, maxLength);
    return words ? `: ${words}` : "";
  };
  switch (event.action) {
    case "claim.create":
      return `${who} tagged the claim`;
    case "claim.update":
      return `${who} edited the claim`;
    case "claim.delete":
      return `${who} deleted the claim`;
    case "claim.restore":
      return `${who} restored the claim`;
    case "claim.submit":
      return `${who} submitted for review`;
    case "claim.approve": {
      const rating = field(event.after, "rating");
      const verdict = isRating(rating) ? VERDICTS[rating].label : "no verdict";
      const comment = text(field(review, "comment"), maxLength);
      return `${who} approved: ${verdict}${comment ? ` — ${comment}` : ""}`;
    }
    case "claim.return":
      return `${who} returned it to the editor${said(field(review, "comment"))}`;
    case "claim.dispute":
      return `${who} marked it disputed${said(field(review, "comment"))}`;
    case "claim.reopen":
      return `${who} re-opened it${said(field(review, "comment"))}`;
    case "claim.reassign": {
      const name = field(event.after, "assigneeName");
      return typeof name === "string" ? `${who} assigned it to ${name}` : `${who} took the assignment off`;
    }
    case "claim.reanchor":
      return field(event.after, "anchorStatus") === "ORPHANED"
        ? `${who} revised the article; the claim's words could not be found again`
        : `${who} revised the article; the claim moved with its words`;
    case "claim.reattach":
      return `${who} re-attached the claim to the text`;
    case "comment.create":
      return `${who} commented${said(field(event.after, "body"))}`;
    default: {
      const label = ACTIVITY_ACTIONS[event.action];
      return label ? `${who}: ${label.toLowerCase()}` : `${who}: ${event.action}`;
    }
  }
}
