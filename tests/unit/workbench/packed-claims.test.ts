import { describe, expect, it } from "vitest";
import { packClaims, unpackClaims } from "@/app/(workbench)/articles/[id]/packed-claims";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";

// The claims travel packed when the workbench opens: what the browser unpacks must be exactly
// what the server listed, in a fraction of the room.

const AUTHORS = ["0194d1c4-5b6a-7c2e-8f00-0000000000ed", "0194d1c4-5b6a-7c2e-8f00-0000000000ee"];
const STATUSES = ["DRAFT", "SUBMITTED", "VERIFIED"] as const;

function claims(count: number): ArticleClaim[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `0194d1c4-5b6a-7c2e-9f00-${String(i).padStart(12, "0")}`,
    start: i * 24,
    end: i * 24 + 17,
    quote: "70 пайыздан астам",
    category: i % 2 ? "VOTE_SHARE" : "DETENTION_COUNT",
    value: i % 3 ? String(i) : null,
    min: i % 3 ? null : "10",
    max: i % 3 ? null : "20.5",
    unit: i % 2 ? "percent" : "person",
    qualifier: i % 5 ? "EXACT" : "MORE_THAN",
    claimant: i % 7 ? null : "Орталық сайлау комиссиясы",
    status: STATUSES[i % 3],
    rating: i % 3 === 2 ? "TRUE" : null,
    anchorStatus: i % 11 ? "ANCHORED" : "ORPHANED",
    version: 1 + (i % 4),
    authorId: AUTHORS[i % 2],
    permissions: { canEdit: i % 2 === 0, canDelete: i % 3 === 0, canSubmit: i % 5 === 0, canDecide: i % 7 === 0 },
  }) as ArticleClaim);
}

describe("packed claims", () => {
  it("unpack to exactly the claims that were packed, permissions included", () => {
    const listed = claims(200);
    expect(unpackClaims(packClaims(listed))).toEqual(listed);
    expect(unpackClaims(packClaims([]))).toEqual([]);
  });

  it("take well under half the room of the claims as they are listed", () => {
    const listed = claims(2000);
    expect(packClaims(listed).length).toBeLessThan(JSON.stringify(listed).length * 0.45);
  });
});
