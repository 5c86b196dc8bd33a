import { CLAIM_AUDIT_FIELDS } from "@/lib/claims/claim-snapshot";

/** What a review operation's audit event records of the claim: the claim's fields and its assignee. */
export const REVIEW_AUDIT_FIELDS = { ...CLAIM_AUDIT_FIELDS, assigneeId: true } as const;
