import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/import/import-error";
import { asOwnImportError } from "@/lib/import/off-thread/convert-off-thread";
import { DerekError } from "@/lib/core/errors";

// Under `next start` the import route and the import page's actions may each hold their own copy
// of ImportError while sharing one worker pool: a refusal built by the other copy must still be a
// refusal here.
class OtherCopyOfImportError extends Error {
  constructor(
    readonly reason: string,
    readonly code: string,
    readonly params: Record<string, string | number>,
    readonly field?: string,
  ) {
    super(code);
    this.name = "ImportError";
  }
}

describe("a refusal from another copy of ImportError", () => {
  it("becomes this copy's ImportError with its reason, code, parameters and field", () => {
    const rebuilt = asOwnImportError(new OtherCopyOfImportError("too_many_figures", "libImport.limits.tooManyFigures", { max: "2,000" }, "text"));
    expect(rebuilt).toBeInstanceOf(ImportError);
    expect(rebuilt).toBeInstanceOf(DerekError);
    expect(rebuilt).toMatchObject({ reason: "too_many_figures", code: "libImport.limits.tooManyFigures", params: { max: "2,000" }, field: "text" });
    expect((rebuilt as Error).message).toMatch(/^This text has more than 2,000 figures/);
  });

  it("leaves this copy's refusals and every other error as they are", () => {
    const own = new ImportError("busy", "libImport.limits.busy");
    expect(asOwnImportError(own)).toBe(own);
    const failure = new TypeError("boom");
    expect(asOwnImportError(failure)).toBe(failure);
  });
});
