import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, isAuditAction } from "@/lib/core/audit-actions";
import { ACTIVITY_ACTIONS } from "@/lib/review/describe-event";

describe("audit actions", () => {
  it("are the actions the activity filter names, no more and no fewer", () => {
    expect([...AUDIT_ACTIONS].sort()).toEqual(Object.keys(ACTIVITY_ACTIONS).sort());
  });

  it("recognise only their own names, not an object's inherited ones", () => {
    expect(isAuditAction("claim.approve")).toBe(true);
    for (const name of ["claim.unknown", "toString", "constructor", "__proto__", ""]) expect(isAuditAction(name)).toBe(false);
  });
});
