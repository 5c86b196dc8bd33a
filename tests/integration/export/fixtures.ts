import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { decideClaim } from "@/lib/review/decide-claim";
import { decideClaimSchema } from "@/lib/review/review-schemas";
import type { Rating } from "@/lib/review/rating-scale";
import { submittedClaim } from "../review/fixtures";

/** A claim tagged, submitted and approved with `rating` by `reviewer`: verified the way the workbench does it. */
export async function verifiedClaim(
  author: Actor,
  reviewer: Actor,
  article: { articleId: string; text: string },
  quote: string,
  rating: Rating,
  fields: Partial<ClaimFieldsInput> = {},
) {
  const claim = await submittedClaim(author, article, quote, fields);
  return decideClaim({ actor: reviewer, input: { claimId: claim.id, expectedVersion: claim.version, decision: "APPROVE", rating, comment: null } });
}

/** The whole stream, as a client that keeps the file would read it. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(parts);
    parts.push(value);
  }
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A decision by `actor` on the claim as it was last read (its version). */
export function decide(actor: Actor, claim: { id: string; version: number }, input: { decision: "APPROVE" | "RETURN"; rating?: "TRUE" | "FALSE" | "MISLEADING"; comment?: string }) {
  return decideClaim({ actor, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, ...input }) });
}

/** A cited source full of what breaks a file: quotes, commas, line breaks, a formula-looking note. */
export const TRICKY_SOURCE = {
  newSource: { url: "https://example.kz/a?b=1,2", title: 'ІІМ "ресми" хабарламасы, 2026\nекінші жол', publisher: "ІІМ; баспасөз", kind: "OFFICIAL_STATEMENT" as const },
  stance: "CONTRADICTS" as const,
  passage: "«төрт мың», яғни\r\n4 000",
  note: "=SUM(A1)",
};
