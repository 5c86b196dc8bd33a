import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { docToPlainText } from "@/lib/document/doc-text";
import { toProseMirrorDoc } from "@/lib/document/schema";
import type { CodedMessage } from "@/lib/core/message-codes";
import type { ClaimRecord, ReviewRecord, SourceRecord } from "./backup-records";

/**
 * The rules a restored row keeps because the workbench keeps them: a record that breaks one was
 * not written by any page of Derek, whatever the file says. Each returns the reason a record
 * breaks a rule, as a coded message for the person restoring, or null.
 */

/** An http(s) address, as the import's and the claim form's URL fields accept. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const shown = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

export function articleUrlRule(sourceUrl: string | null): CodedMessage | null {
  if (sourceUrl === null || isHttpUrl(sourceUrl)) return null;
  return { code: "libBackup.rules.articleUrl", params: { url: shown(sourceUrl) } };
}

export function sourceRule(source: Pick<SourceRecord, "url" | "archivedUrl">): CodedMessage | null {
  if (!isHttpUrl(source.url)) return { code: "libBackup.rules.sourceUrl", params: { url: shown(source.url) } };
  if (source.archivedUrl !== null && !isHttpUrl(source.archivedUrl))
    return { code: "libBackup.rules.archiveUrl", params: { url: shown(source.archivedUrl) } };
  return null;
}

/**
 * An article's (or a revision's) body: a document of the article schema, whose plain text is the
 * stored text (claim offsets, search and the suggester read the text, the viewer shows the
 * document: they must be the same words), and whose links go to http(s) addresses only, as the
 * import's sanitiser leaves them.
 */
export function documentRule(bodyJson: unknown, bodyText: string): CodedMessage | null {
  let doc: ProseMirrorNode;
  try {
    doc = toProseMirrorDoc(bodyJson as JSONContent);
    // nodeFromJSON builds nodes without checking what they may contain; check() does.
    doc.check();
  } catch (error) {
    return { code: "libBackup.rules.documentInvalid", params: { detail: (error as Error).message } };
  }
  if (doc.type.name !== "doc") return { code: "libBackup.rules.documentNotDoc" };
  let href: string | null = null;
  doc.descendants((node) => {
    if (href !== null) return false;
    for (const mark of node.marks) {
      if (mark.type.name === "link" && !isHttpUrl(String(mark.attrs.href ?? ""))) href = String(mark.attrs.href ?? "");
    }
    return href === null;
  });
  if (href !== null) return { code: "libBackup.rules.linkNotHttp", params: { href: shown(href) } };
  if (docToPlainText(doc) !== bodyText) return { code: "libBackup.rules.textNotDocument" };
  return null;
}

/** A claim's verdict: only a verified claim has one, and a verified claim always does. */
export function claimRatingRule(claim: Pick<ClaimRecord, "status" | "rating">): CodedMessage | null {
  if (claim.status === "VERIFIED" && claim.rating === null) return { code: "libBackup.rules.verifiedWithoutVerdict" };
  if (claim.status !== "VERIFIED" && claim.rating !== null) return { code: "libBackup.rules.verdictNotVerified", params: { status: claim.status } };
  return null;
}

/**
 * A review as the decision form and the re-open form write it: a verdict with an approval and
 * only then, a comment when the claim goes back, is disputed or re-opened, and — the two-person
 * rule — never a decision by the claim's own author (re-opening a verified claim is not a
 * decision on one's own work, and the policy allows it).
 */
export function reviewRule(review: Pick<ReviewRecord, "decision" | "rating" | "comment">, reviewerId: string, claimAuthorId: string): CodedMessage | null {
  if (review.decision === "APPROVED" && review.rating === null) return { code: "libBackup.rules.approvalWithoutVerdict" };
  if (review.decision !== "APPROVED" && review.rating !== null) return { code: "libBackup.rules.verdictWithoutApproval", params: { decision: review.decision } };
  if (review.decision !== "APPROVED" && (review.comment ?? "").trim() === "") return { code: "libBackup.rules.commentRequired", params: { decision: review.decision } };
  if (review.decision !== "REOPENED" && reviewerId === claimAuthorId) return { code: "libBackup.rules.reviewerIsAuthor" };
  return null;
}

/** A comment as the comment form takes it: some words. */
export function commentRule(body: string): CodedMessage | null {
  return body.trim() === "" ? { code: "libBackup.rules.commentWithoutWords" } : null;
}

type Decision = ReviewRecord["decision"];
type Status = ClaimRecord["status"];

/**
 * What the last review of a claim can be for each status, as the workbench moves claims: a
 * decision sets RETURNED, DISPUTED or VERIFIED; an edit makes a returned claim a draft; a
 * submission or a re-opening makes it SUBMITTED. "none" is a claim never reviewed.
 */
const LAST_DECISIONS: Record<Status, readonly (Decision | "none")[]> = {
  DRAFT: ["none", "RETURNED"],
  SUBMITTED: ["none", "RETURNED", "REOPENED"],
  RETURNED: ["RETURNED"],
  DISPUTED: ["DISPUTED"],
  VERIFIED: ["APPROVED"],
};

/** The last reviews of a claim: those of its latest time (two can share a millisecond). */
export interface LastReviews {
  at: number;
  /** "DECISION" or "APPROVED:RATING". */
  marks: string[];
}

export function reviewMark(review: Pick<ReviewRecord, "decision" | "rating">): string {
  return review.decision === "APPROVED" ? `APPROVED:${review.rating}` : review.decision;
}

/** Adds a review to a claim's last reviews, keeping only those of the latest time. */
export function addLastReview(last: LastReviews | undefined, review: Pick<ReviewRecord, "decision" | "rating" | "createdAt">): LastReviews {
  const at = Date.parse(review.createdAt);
  if (!last || at > last.at) return { at, marks: [reviewMark(review)] };
  if (at === last.at) return { at, marks: [...last.marks, reviewMark(review)] };
  return last;
}

/**
 * A claim's status against its reviews: a verified claim rests on an approval with its own verdict
 * (which the review rule made someone else's), a disputed or returned claim on that decision.
 */
export function claimStatusRule(claim: Pick<ClaimRecord, "status" | "rating">, last: LastReviews | undefined): CodedMessage | null {
  const allowed = LAST_DECISIONS[claim.status];
  const marks = last?.marks ?? ["none"];
  const fits = marks.some((mark) => (claim.status === "VERIFIED" ? mark === `APPROVED:${claim.rating}` : allowed.includes(mark as Decision | "none")));
  if (fits) return null;
  if (claim.status === "VERIFIED") return { code: "libBackup.rules.verifiedWithoutApproval" };
  const found = last ? last.marks[0].split(":")[0] : "none";
  return { code: "libBackup.rules.statusWithoutReviews", params: { status: claim.status, decision: found } };
}
