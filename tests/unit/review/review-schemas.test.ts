import { describe, expect, it } from "vitest";
import { decideClaimSchema, reassignClaimSchema } from "@/lib/review/review-schemas";

const claimRef = { claimId: "0194d1c4-5b6a-7c2e-8f00-000000000001", expectedVersion: 2 };

const messagesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("the decision schema's verdict", () => {
  it("asks for a verdict when an approval comes without one, whether left out or left empty", () => {
    for (const rating of [undefined, ""])
      expect(messagesOf(decideClaimSchema.safeParse({ ...claimRef, decision: "APPROVE", rating })), JSON.stringify(rating)).toEqual([
        ["rating", "libReview.verdictToApprove"],
      ]);
  });

  it("asks for one of the verdicts, not zod's own words, for a value that is none of them", () => {
    for (const rating of ["SORT_OF", "true", 5, null, ["TRUE"]])
      expect(messagesOf(decideClaimSchema.safeParse({ ...claimRef, decision: "APPROVE", rating })), JSON.stringify(rating)).toEqual([
        ["rating", "libReview.chooseVerdict"],
      ]);
  });

  it("takes a verdict with an approval, and an empty one with any other decision", () => {
    expect(decideClaimSchema.parse({ ...claimRef, decision: "APPROVE", rating: "MISLEADING" }).rating).toBe("MISLEADING");
    expect(decideClaimSchema.parse({ ...claimRef, decision: "RETURN", rating: "", comment: "Дереккөз керек." }).rating).toBeNull();
  });
});

describe("the reassignment schema's reviewer", () => {
  it("asks for a reviewer, not zod's own words, for anything but an id or an empty choice", () => {
    for (const assigneeId of ["Нұрлан", 42, null, undefined])
      expect(messagesOf(reassignClaimSchema.safeParse({ ...claimRef, assigneeId })), JSON.stringify(assigneeId)).toEqual([
        ["assigneeId", "libReview.chooseReviewer"],
      ]);
  });

  it("takes an id, and an empty choice as taking the assignment off", () => {
    expect(reassignClaimSchema.parse({ ...claimRef, assigneeId: "0194d1c4-5b6a-7c2e-8f00-000000000002" }).assigneeId).toBe("0194d1c4-5b6a-7c2e-8f00-000000000002");
    expect(reassignClaimSchema.parse({ ...claimRef, assigneeId: "" }).assigneeId).toBeNull();
  });
});
