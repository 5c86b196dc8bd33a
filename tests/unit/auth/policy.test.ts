import { describe, expect, it } from "vitest";
import { ACTIONS, AWAITING_REVIEW, authorize, can, decide, ForbiddenError, type Action, type Actor, type ClaimStatus, type Role } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";

const actor = (role: Role, overrides: Partial<Actor> = {}): Actor => ({ id: `${role.toLowerCase()}-1`, role, active: true, ...overrides });
const editor = actor("EDITOR");
const otherEditor = actor("EDITOR", { id: "editor-2" });
const reviewer = actor("REVIEWER");
const admin = actor("ADMIN");
const claimBy = (authorId: string, status: ClaimStatus) => ({ authorId, status });

describe("policy: who may attempt what, by role", () => {
  // The expected table, written out: a new action without a row here fails the last test.
  const EXPECTED: Record<Action, Role[]> = {
    "article.list": ["EDITOR", "REVIEWER", "ADMIN"],
    "article.read": ["EDITOR", "REVIEWER", "ADMIN"],
    "article.import": ["EDITOR", "ADMIN"],
    "article.edit": ["EDITOR", "ADMIN"],
    "claim.create": ["EDITOR", "ADMIN"],
    "claim.edit": ["EDITOR", "ADMIN"],
    "claim.delete": ["EDITOR", "ADMIN"],
    "claim.submit": ["EDITOR", "ADMIN"],
    "claim.review": ["REVIEWER", "ADMIN"],
    "review.queue": ["REVIEWER", "ADMIN"],
    "claim.reopen": ["REVIEWER", "ADMIN"],
    "claim.comment": ["EDITOR", "REVIEWER", "ADMIN"],
    "claim.reassign": ["ADMIN"],
    "source.create": ["EDITOR", "ADMIN"],
    "audit.read": ["EDITOR", "REVIEWER", "ADMIN"],
    "ledger.read": ["EDITOR", "REVIEWER", "ADMIN"],
    "group.edit": ["EDITOR", "ADMIN"],
    "claimset.save": ["EDITOR", "REVIEWER", "ADMIN"],
    "claimset.delete": ["EDITOR", "REVIEWER", "ADMIN"],
    "export.run": ["EDITOR", "REVIEWER", "ADMIN"],
    "backup.create": ["ADMIN"],
    "backup.restore": ["ADMIN"],
    "user.manage": ["ADMIN"],
    "user.password_reset": ["ADMIN"],
    "token.manage": ["ADMIN"],
    "account.change_password": ["EDITOR", "REVIEWER", "ADMIN"],
  };
  // A claim neither of them wrote, in the state where each claim action is meaningful.
  const claimFor: Partial<Record<Action, { authorId: string; status: ClaimStatus }>> = {
    "claim.edit": claimBy("someone-else", "DRAFT"),
    "claim.delete": claimBy("someone-else", "DRAFT"),
    "claim.submit": claimBy("someone-else", "DRAFT"),
    "claim.review": claimBy("someone-else", "SUBMITTED"),
    "claim.reopen": claimBy("someone-else", "VERIFIED"),
  };

  for (const action of ACTIONS) {
    for (const role of ["EDITOR", "REVIEWER", "ADMIN"] as Role[]) {
      const who = actor(role);
      const claim =
        action === "claimset.delete"
          ? { ownerId: who.id }
          : claimFor[action] && (role === "EDITOR" ? { ...claimFor[action]!, authorId: who.id } : claimFor[action]);
      const expected = EXPECTED[action].includes(role);
      it(`${expected ? "lets" : "refuses"} ${role.toLowerCase()} ${action}`, () => {
        expect(can(who, action, claim)).toBe(expected);
      });
    }
  }

  it("has a row in the expected table for every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });
});

describe("policy: anonymous and deactivated users", () => {
  it.each(ACTIONS)("refuses %s to anyone not signed in", (action) => {
    expect(decide(null, action, claimBy("x", "SUBMITTED"))).toEqual({ allowed: false, code: "libAuth.policy.signInFirst", reason: "Sign in first." });
  });
  it.each(ACTIONS)("refuses %s to a deactivated admin", (action) => {
    expect(decide(actor("ADMIN", { active: false }), action, claimBy("x", "SUBMITTED")).allowed).toBe(false);
  });
});

describe("policy: ownership and the two-person rule", () => {
  it("lets only the author (or an admin) change a claim", () => {
    const draft = claimBy(editor.id, "DRAFT");
    expect(can(editor, "claim.edit", draft)).toBe(true);
    expect(can(otherEditor, "claim.edit", draft)).toBe(false);
    expect(can(admin, "claim.edit", draft)).toBe(true);
  });

  it("freezes a verified claim for everyone until it is re-opened", () => {
    const verified = claimBy(editor.id, "VERIFIED");
    for (const who of [editor, admin]) {
      expect(can(who, "claim.edit", verified)).toBe(false);
      expect(can(who, "claim.delete", verified)).toBe(false);
    }
    expect(can(reviewer, "claim.reopen", verified)).toBe(true);
    expect(can(reviewer, "claim.reopen", claimBy(editor.id, "SUBMITTED"))).toBe(false);
  });

  it("never lets anyone review their own claim, admins included", () => {
    expect(decide(admin, "claim.review", claimBy(admin.id, "SUBMITTED"))).toEqual({
      allowed: false,
      code: "libAuth.policy.ownClaim",
      reason: "You cannot review a claim you wrote.",
    });
    expect(can(reviewer, "claim.review", claimBy(reviewer.id, "SUBMITTED"))).toBe(false);
    expect(can(reviewer, "claim.review", claimBy(editor.id, "SUBMITTED"))).toBe(true);
  });

  it("names submitted and disputed claims as awaiting review, and nothing else", () => {
    expect([...AWAITING_REVIEW].sort()).toEqual(["DISPUTED", "SUBMITTED"]);
  });

  it("decides only claims that await review", () => {
    for (const status of ["DRAFT", "RETURNED", "VERIFIED"] as ClaimStatus[]) {
      expect(can(reviewer, "claim.review", claimBy(editor.id, status))).toBe(false);
    }
    expect(can(reviewer, "claim.review", claimBy(editor.id, "DISPUTED"))).toBe(true);
  });

  it("refuses a claim action that names no claim", () => {
    expect(decide(editor, "claim.edit")).toEqual({ allowed: false, code: "libAuth.policy.noClaimNamed", reason: "No claim was named." });
  });

  it("does not submit a claim twice", () => {
    expect(can(editor, "claim.submit", claimBy(editor.id, "SUBMITTED"))).toBe(false);
  });

  it("leaves a disputed claim to a reviewer: its author cannot submit it again, though may still edit it", () => {
    for (const who of [editor, admin]) {
      expect(decide(who, "claim.submit", claimBy(editor.id, "DISPUTED"))).toMatchObject({ allowed: false, code: "libAuth.policy.disputedSubmit" });
    }
    expect(can(editor, "claim.edit", claimBy(editor.id, "DISPUTED"))).toBe(true);
    expect(can(editor, "claim.submit", claimBy(editor.id, "RETURNED"))).toBe(true);
  });
});

describe("policy: things a user owns", () => {
  it("lets the owner and an admin delete a saved claim set, and nobody else", () => {
    expect(can(editor, "claimset.delete", { ownerId: editor.id })).toBe(true);
    expect(can(otherEditor, "claimset.delete", { ownerId: editor.id })).toBe(false);
    expect(can(reviewer, "claimset.delete", { ownerId: editor.id })).toBe(false);
    expect(can(admin, "claimset.delete", { ownerId: editor.id })).toBe(true);
  });

  it("refuses an ownership action that names nothing", () => {
    expect(decide(editor, "claimset.delete")).toEqual({ allowed: false, code: "libAuth.policy.nothingNamed", reason: "Nothing was named." });
  });
});

describe("policy: refusals carry a code", () => {
  it("throws a ForbiddenError that is a coded DerekError of kind forbidden, English as its message", () => {
    let thrown: unknown;
    try {
      authorize(reviewer, "claim.edit", claimBy(editor.id, "DRAFT"));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ForbiddenError);
    expect(thrown).toBeInstanceOf(DerekError);
    expect(thrown).toMatchObject({ code: "libAuth.policy.roleNotAllowed", kind: "forbidden", message: "Your role does not allow this." });
  });

  it("lets an allowed action through without throwing", () => {
    expect(() => authorize(editor, "claim.edit", claimBy(editor.id, "DRAFT"))).not.toThrow();
  });
});
