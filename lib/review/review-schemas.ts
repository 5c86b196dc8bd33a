import { z } from "zod";
import type { MessageCode } from "@/lib/core/message-codes";
import { RATINGS } from "./rating-scale";

/** What a reviewer may decide about a claim awaiting review. */
export const DECISIONS = ["APPROVE", "RETURN", "DISPUTE"] as const;
export type Decision = (typeof DECISIONS)[number];

export const TEXT_MAX = 4000;

const claimRef = {
  claimId: z.uuid({ error: "libReview.unknownClaim" }),
  // The version the person saw: a change made on an older one is refused, never applied.
  expectedVersion: z.number().int().min(1),
};

const optionalText = z
  .string()
  .trim()
  .max(TEXT_MAX, { error: "libReview.textTooLong" })
  .optional()
  .transform((value) => value || null);

const requiredText = (code: MessageCode) =>
  z.string({ error: code }).trim().min(1, { error: code }).max(TEXT_MAX, { error: "libReview.textTooLong" });

/**
 * Shared by the decision form and the server. A verdict only with an approval; a comment is
 * required when the claim goes back or is disputed, because the editor must learn why.
 */
export const decideClaimSchema = z
  .object({
    ...claimRef,
    decision: z.enum(DECISIONS, { error: "libReview.chooseDecision" }),
    // The message goes on the union: a value that is no verdict fails both branches, and zod 4
    // then reports the union's error, never a branch's.
    rating: z
      .union([z.enum(RATINGS), z.literal("")], { error: "libReview.chooseVerdict" })
      .optional()
      .transform((value) => value || null),
    comment: optionalText,
  })
  .superRefine((input, ctx) => {
    if (input.decision === "APPROVE" && !input.rating)
      ctx.addIssue({ code: "custom", path: ["rating"], message: "libReview.verdictToApprove" });
    if (input.decision !== "APPROVE" && input.rating)
      ctx.addIssue({ code: "custom", path: ["rating"], message: "libReview.verdictOnlyWithApproval" });
    if (input.decision === "RETURN" && !input.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "libReview.sayWhatToChange" });
    if (input.decision === "DISPUTE" && !input.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "libReview.sayWhatIsDisputed" });
  });

export const reopenClaimSchema = z.object({ ...claimRef, reason: requiredText("libReview.reopenReason") });

export const reassignClaimSchema = z.object({
  ...claimRef,
  // Empty means "no one": the assignment is taken off. The message is on both: a string that is
  // no uuid gets the uuid branch's error, anything else (a number, nothing) the union's.
  assigneeId: z
    .union([z.uuid({ error: "libReview.chooseReviewer" }), z.literal("")], { error: "libReview.chooseReviewer" })
    .transform((value) => value || null),
});

export const addCommentSchema = z.object({
  claimId: claimRef.claimId,
  body: requiredText("libReview.writeComment"),
});

export type DecideClaimFormInput = z.input<typeof decideClaimSchema>;
export type DecideClaimInput = z.output<typeof decideClaimSchema>;
export type ReopenClaimInput = z.output<typeof reopenClaimSchema>;
export type ReassignClaimInput = z.output<typeof reassignClaimSchema>;
export type AddCommentInput = z.output<typeof addCommentSchema>;
