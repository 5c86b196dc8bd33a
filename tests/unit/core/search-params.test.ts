import { describe, expect, it } from "vitest";
import { englishMessage } from "@/lib/core/english-messages";
import { confirmGroupSchema } from "@/lib/grouping/group-schemas";
import { parseLedgerFilter } from "@/lib/ledger/ledger-filter";
import { codedIssue, fieldMessagesInEnglish } from "@/lib/core/search-params";

const groupState = { groupId: "0194d1c4-5b6a-7c2e-8f00-000000000001", expectedUpdatedAt: "2025-03-05T20:30:12.345Z" };

// A zod rule's message is its code; the values the code names travel on the issue, where the
// interface finds them (codedIssue): a length rule's own maximum/minimum, a custom rule's params.
describe("a zod issue as a coded message", () => {
  it("carries a length rule's maximum, which the catalog entry names", () => {
    const parsed = confirmGroupSchema.safeParse({ ...groupState, label: "ә".repeat(201) });
    expect(parsed.success).toBe(false);
    const coded = codedIssue(parsed.error!.issues[0]);
    expect(coded).toEqual({ code: "libGrouping.input.labelTooLong", params: { maximum: 200 } });
    expect(englishMessage(coded.code, coded.params)).toBe("Keep the label under 200 characters.");
  });

  it("carries a custom rule's params: what was given and what is allowed", () => {
    const parsed = parseLedgerFilter({ sort: "colour" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.sort).toEqual({ code: "libLedger.filter.unknownValue", params: { what: "sort column", value: "colour", values: expect.stringContaining("created, updated") } });
    expect(fieldMessagesInEnglish(parsed.errors).sort).toMatch(/^Unknown sort column “colour”\. Choose one of: created, updated/);
  });
});
