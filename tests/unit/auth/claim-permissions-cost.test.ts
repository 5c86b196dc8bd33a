import { describe, expect, it, vi } from "vitest";

// Counts how often a refusal is worded; the wording itself stays the real one.
const worded = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/core/english-messages", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/core/english-messages")>();
  return {
    ...actual,
    englishMessage: (...args: Parameters<typeof actual.englishMessage>) => {
      worded.count++;
      return actual.englishMessage(...args);
    },
  };
});

const { claimPermissions } = await import("@/lib/auth/claim-permissions");
const { decide } = await import("@/lib/auth/policy");

describe("the policy's answers for a long list of claims", () => {
  it("words each kind of refusal once, not once per claim (an article's 2,000 claims are asked about on every open)", () => {
    const editor = { id: "editor-1", role: "EDITOR" as const, active: true };
    const statuses = ["DRAFT", "SUBMITTED", "VERIFIED", "RETURNED", "DISPUTED"] as const;
    const claims = Array.from({ length: 500 }, (_, i) => ({ authorId: i % 2 ? "editor-1" : "editor-2", status: statuses[i % statuses.length] }));
    worded.count = 0;
    const answers = claims.map((claim) => claimPermissions(editor, claim));
    // Each of the policy's claim refusals at most once: verifiedLocked, authorOnly, alreadySubmitted, disputedSubmit, roleNotAllowed.
    expect(worded.count).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.canEdit)).toHaveLength(claims.filter((c) => c.authorId === "editor-1" && c.status !== "VERIFIED").length);
  });

  it("still gives every refusal its code and English reason", () => {
    const reviewer = { id: "reviewer-1", role: "REVIEWER" as const, active: true };
    expect(decide(reviewer, "claim.review", { authorId: "reviewer-1", status: "SUBMITTED" })).toEqual({
      allowed: false,
      code: "libAuth.policy.ownClaim",
      reason: "You cannot review a claim you wrote.",
    });
  });
});
