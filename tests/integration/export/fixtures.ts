import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { decideClaim } from "@/lib/review/decide-claim";
import { decideClaimSchema } from "@/lib/review/review-schemas";
import type { Rating } from "@/lib/review/rating-scale";
import { deleteClaim, submitClaim } from "@/lib/claims/change-claim-state";
import { updateClaimSchema } from "@/lib/claims/claim-schemas";
import { updateClaim } from "@/lib/claims/update-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { reopenClaimSchema } from "@/lib/review/review-schemas";
import { makeActor, seedArticle, submittedClaim, tagClaim } from "../review/fixtures";

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

/**
 * Claims with every kind of history an export shows, on a seed article, their ids by name:
 * verified with two sources (one full of quotes, commas and line breaks); returned, edited,
 * submitted again and approved (two reviews, the later approval published); approved, re-opened
 * and approved again; a draft without sources; a deleted claim. `domain` keeps the accounts apart.
 */
export async function seedReviewedClaims(domain: string) {
  const editor = await makeActor("EDITOR", `editor@${domain}`, "Айгүл Сәрсенова");
  const reviewer = await makeActor("REVIEWER", `reviewer@${domain}`, "Марат Ержанов");
  const admin = await makeActor("ADMIN", `admin@${domain}`, "Дәурен");
  const article = await seedArticle("003_f112b8e6a601b618.txt");
  const ids: Record<string, string> = {};
  ids.twoSources = (await verifiedClaim(editor, reviewer, article, "5 жылға сотталған", "TRUE", {
    statement: "Сот оны 5 жылға соттады, деді «Азаттық».",
    sources: [{ newSource: { url: "https://example.kz/sot", title: "Сот үкімі", kind: "COURT_DOCUMENT" }, stance: "SUPPORTS" }, TRICKY_SOURCE],
  })).id;
  const returned = await decide(reviewer, await submittedClaim(editor, article, "жүзден аса жүргізуші", { category: "DETENTION_COUNT", value: "100", qualifier: "MORE_THAN" }), { decision: "RETURN", comment: "Дереккөз жоқ" });
  const edited = await updateClaim({ actor: editor, input: updateClaimSchema.parse({ claimId: returned.id, expectedVersion: returned.version, category: "DETENTION_COUNT", value: "100.5", qualifier: "MORE_THAN", unit: "person", note: 'Жазба, "тырнақша"\nжаңа жол', sources: [] }) });
  const resubmitted = await submitClaim({ actor: editor, ref: { claimId: edited.id, expectedVersion: edited.version } });
  ids.returnedThenApproved = (await decide(reviewer, resubmitted, { decision: "APPROVE", rating: "MISLEADING" })).id;
  const first = await verifiedClaim(editor, reviewer, article, "10 жылдан астам", "TRUE", { category: "OTHER", value: "10", unit: "year" });
  const reopened = await reopenClaim({ actor: admin, input: reopenClaimSchema.parse({ claimId: first.id, expectedVersion: first.version, reason: "Қайта тексеру" }) });
  ids.reapproved = (await decide(reviewer, reopened, { decision: "APPROVE", rating: "FALSE" })).id;
  ids.draft = (await tagClaim(editor, article, "200-ге жуық жұмысшысы", { category: "DETENTION_COUNT", value: "200", sources: [] })).id;
  const doomed = await tagClaim(editor, article, "100 пайызға", { category: "OTHER", value: "100", unit: "percent" });
  await deleteClaim({ actor: editor, ref: { claimId: doomed.id, expectedVersion: doomed.version } });
  ids.deleted = doomed.id;
  return { editor, reviewer, admin, article, ids };
}
