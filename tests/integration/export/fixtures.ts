import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { decideClaim } from "@/lib/review/decide-claim";
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
