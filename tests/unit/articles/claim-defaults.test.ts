import { describe, expect, it } from "vitest";
import { defaultsForSelection, defaultsFromSuggestion } from "@/app/(workbench)/articles/[id]/claim-defaults";
import type { ListedSuggestion } from "@/lib/suggestions/list-suggestions";

// "10 қаңтарда арнайы жасақ 361 адамды әкеткен."
const date: ListedSuggestion = {
  id: "d", revision: 1, start: 0, end: 10, text: "10 қаңтарда", value: null, min: null, max: null, unit: null,
  qualifier: "EXACT", category: "DATE", date: "2021-01-10", claimant: null, likely: false,
};
const count: ListedSuggestion = {
  id: "c", revision: 1, start: 25, end: 35, text: "361 адамды", value: "361", min: "361", max: "361", unit: "person",
  qualifier: "EXACT", category: "DETENTION_COUNT", date: "2021-01-10", claimant: "Құқық қорғаушылар", likely: true,
};

describe("the claim form's starting values", () => {
  it("pre-fills a suggestion's reading, claimant and event date", () => {
    expect(defaultsFromSuggestion(count)).toMatchObject({
      category: "DETENTION_COUNT", value: "361", unit: "person", qualifier: "EXACT", claimant: "Құқық қорғаушылар", eventDate: "2021-01-10",
    });
    // A date without a year is no value for the date field.
    expect(defaultsFromSuggestion({ ...count, date: "--01-10" }).eventDate).toBe("");
  });

  it("reads a hand selection of exactly a suggestion's words as that suggestion", () => {
    expect(defaultsForSelection({ start: 25, end: 35 }, [date, count])).toEqual({ defaults: defaultsFromSuggestion(count), suggestionId: "c" });
  });

  it("reads a wider selection by the likely claim it covers, without taking the suggestion's place", () => {
    const chosen = defaultsForSelection({ start: 0, end: 44 }, [date, count]);
    expect(chosen.defaults).toEqual(defaultsFromSuggestion(count));
    expect(chosen.suggestionId).toBeUndefined();
  });

  it("starts blank when the selection covers no suggestion whole", () => {
    expect(defaultsForSelection({ start: 26, end: 35 }, [date, count]).defaults).toMatchObject({ category: "OTHER", qualifier: "EXACT", sources: [] });
    expect(defaultsForSelection({ start: 26, end: 35 }, [date, count]).defaults.value).toBeUndefined();
  });
});
