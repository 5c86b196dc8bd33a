import { describe, expect, it } from "vitest";
import { findConflicts, type ConflictClaim } from "@/lib/grouping/conflicts";

const claim = (id: string, figure: Partial<ConflictClaim>): ConflictClaim => ({
  id,
  category: "DETENTION_COUNT",
  unit: "person",
  value: null,
  min: null,
  max: null,
  qualifier: "EXACT",
  ...figure,
});

describe("conflicts in a group", () => {
  it("names every pair whose figures cannot both be true, and only those", () => {
    const group = [
      claim("ministry", { value: "0" }),
      claim("defenders", { value: "10", min: "10", qualifier: "AT_LEAST" }),
      claim("witness", { value: "12", qualifier: "APPROXIMATELY" }),
    ];
    expect(findConflicts(group)).toEqual([
      { aId: "ministry", bId: "defenders", reason: { code: "libGrouping.reason.conflictingFigures", params: { a: "[0, 0]", b: "[10, ∞)" } } },
      { aId: "ministry", bId: "witness", reason: { code: "libGrouping.reason.conflictingFigures", params: { a: "[0, 0]", b: "[10.8, 13.2]" } } },
    ]);
  });

  it("allows for rounding: 70 % and 70.96 % are one share", () => {
    const share = (id: string, value: string) => claim(id, { category: "VOTE_SHARE", unit: null, value });
    expect(findConflicts([share("print", "70"), share("official", "70.96")])).toEqual([]);
    expect(findConflicts([share("print", "70"), share("official", "71.2")])).toHaveLength(1);
  });

  it("ignores claims without a figure and figures of different kinds", () => {
    expect(findConflicts([claim("vague", { qualifier: "VAGUE" }), claim("zero", { value: "0" })])).toEqual([]);
    expect(findConflicts([claim("share", { unit: "percent", value: "10" }), claim("count", { unit: "person", value: "1000" })])).toEqual([]);
  });

  it("finds none in a group of one", () => {
    expect(findConflicts([claim("alone", { value: "5" })])).toEqual([]);
  });
});
