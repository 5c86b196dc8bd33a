import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/import/import-error";
import { asOwnImportError } from "@/lib/import/off-thread/convert-off-thread";
import { UserInputError } from "@/lib/users/user-errors";

// Under `next start` the import route and the import page's actions may each hold their own copy
// of ImportError while sharing one worker pool: a refusal built by the other copy must still be a
// refusal here.
class OtherCopyOfImportError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}

describe("a refusal from another copy of ImportError", () => {
  it("becomes this copy's ImportError with its reason, message and field", () => {
    const rebuilt = asOwnImportError(new OtherCopyOfImportError("too_many_figures", "This text has more than 2,000 figures.", "text"));
    expect(rebuilt).toBeInstanceOf(ImportError);
    expect(rebuilt).toBeInstanceOf(UserInputError);
    expect(rebuilt).toMatchObject({ reason: "too_many_figures", message: "This text has more than 2,000 figures.", field: "text" });
  });

  it("leaves this copy's refusals and every other error as they are", () => {
    const own = new ImportError("busy", "Derek is reading other files at this moment; try this one again in a minute.");
    expect(asOwnImportError(own)).toBe(own);
    const failure = new TypeError("boom");
    expect(asOwnImportError(failure)).toBe(failure);
  });
});
