import { describe, expect, it } from "vitest";
import { englishMessage } from "@/lib/core/english-messages";
import { DerekError } from "@/lib/core/errors";

describe("DerekError", () => {
  it("carries its code, parameters, field and kind, and says the same in English", () => {
    const error = new DerekError("libClaims.source.gone", { field: "sources", kind: "conflict" });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("libClaims.source.gone");
    expect(error.field).toBe("sources");
    expect(error.kind).toBe("conflict");
    expect(error.message).toBe("This source no longer exists; pick another.");
    expect(error.toCoded()).toEqual({ code: "libClaims.source.gone", params: {} });
  });

  it("is an invalid-input refusal unless told otherwise", () => {
    expect(new DerekError("libClaims.fields.category").kind).toBe("invalid");
  });
});

describe("englishMessage", () => {
  it("fills the English entry with the parameters", () => {
    expect(englishMessage("libClaims.range.textChanged", { revision: 7 })).toBe(
      "The article's text changed (it is now at revision 7) after you selected these words. Reload the article and select them again.",
    );
  });

  it("answers the code itself for a code with no entry, so nothing is shown blank", () => {
    expect(englishMessage("libClaims.no.such.entry" as never)).toBe("libClaims.no.such.entry");
  });
});

