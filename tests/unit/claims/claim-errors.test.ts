import { describe, expect, it } from "vitest";
import { articleChangedError, claimChangedError, claimNotFoundError } from "@/lib/claims/claim-errors";
import { DerekError } from "@/lib/core/errors";

const at = new Date("2025-03-05T20:30:12.345Z");

// The conflict refusal says who and when when it knows, as a code and values the interface
// translates; forms offer "Reload" because its kind is "conflict".
describe("a stale change of a claim", () => {
  it("names who changed it and when, as values, with the kind a form offers Reload for", () => {
    const error = claimChangedError("Нұрлан", at);
    expect(error).toBeInstanceOf(DerekError);
    expect(error).toMatchObject({ code: "libClaims.conflict.byNameAt", params: { name: "Нұрлан", moment: "2025-03-05T20:30:12.345Z" }, kind: "conflict" });
    expect(error.message).toBe("This claim was changed by Нұрлан at 2025-03-05T20:30:12.345Z after you opened it. Reload to see their change; nothing of yours was saved.");
  });

  it("leaves out whoever or whenever it does not know", () => {
    expect(claimChangedError(null, at)).toMatchObject({ code: "libClaims.conflict.bySomeoneAt", params: { moment: at.toISOString() } });
    expect(claimChangedError("Нұрлан", null)).toMatchObject({ code: "libClaims.conflict.byName", params: { name: "Нұрлан" } });
    expect(claimChangedError(null, null)).toMatchObject({ code: "libClaims.conflict.bySomeone", params: {} });
  });

  it("says which revision the article is at when its text moved on", () => {
    expect(articleChangedError(4, "Бақыт", at)).toMatchObject({ code: "libArticles.conflict.byNameAt", params: { revision: 4, name: "Бақыт", moment: at.toISOString() }, kind: "conflict" });
    expect(articleChangedError(4, null, null)).toMatchObject({ code: "libArticles.conflict.bySomeone", params: { revision: 4 } });
  });

  it("is not found, not a conflict, when the claim is gone", () => {
    expect(claimNotFoundError()).toMatchObject({ code: "libClaims.ref.notFound", kind: "not-found" });
  });
});
