import { describe, expect, it } from "vitest";
import { EXPORT_CHOICES } from "@/lib/export/export-choices";
import { englishOf } from "@/lib/core/english-messages";
import { DerekError } from "@/lib/core/errors";
import { EXPORT_FORMATS, findExportFormat } from "@/lib/export/export-formats";
import { parseExportRequest } from "@/lib/export/export-request";
import { exportFilter } from "@/lib/export/run-export";

const parse = (query: string) => parseExportRequest(new URLSearchParams(query));

function refusal(query: string): DerekError {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof DerekError) return error;
    throw error;
  }
  throw new Error(`“${query}” was accepted`);
}

describe("export request", () => {
  it("reads the format, the statuses and the ledger filter", () => {
    expect(parse("format=csv&category=TURNOUT&valueMin=63,3&statuses=all")).toEqual({
      format: "csv",
      allStatuses: true,
      claims: { kind: "filter", filter: { category: "TURNOUT", valueMin: "63.3" } },
    });
    expect(parse("format=claimreview")).toMatchObject({ allStatuses: false, claims: { kind: "filter", filter: {} } });
    expect(parse("format=annotations&set=0195f3a0-0000-7000-8000-000000000005")).toMatchObject({ claims: { kind: "set", setId: "0195f3a0-0000-7000-8000-000000000005" } });
  });

  it.each([
    ["", "format", /Choose a format/],
    ["format=pdf", "format", /Unknown format “pdf”/],
    ["format=csv&format=csv", "format", /once/],
    ["format=csv&stauts=VERIFIED", "stauts", /Unknown parameter “stauts”/],
    ["format=csv&statuses=some", "statuses", /verified.*all/],
    ["format=csv&category=WEATHER", "category", /Unknown category/],
    ["format=csv&eventFrom=2026-05-01&eventTo=2026-04-01", "eventTo", /swap/],
    ["format=csv&set=0195f3a0-0000-7000-8000-000000000005&q=сайлау", "set", /either a saved set or a filter/],
    ["format=csv&set=42", "set", /Unknown claim set/],
  ])("refuses “%s” with a message on %s", (query, field, message) => {
    const error = refusal(query);
    expect(error.kind).toBe("invalid");
    expect(englishOf(error.fieldErrors?.[field] ?? "")).toMatch(message);
  });
});

describe("export defaults", () => {
  const csv = findExportFormat("csv")!;
  const claimReview = findExportFormat("claimreview")!;

  it("holds verified claims unless every status is asked for", () => {
    expect(exportFilter({ category: "MONEY" }, { allStatuses: false, format: csv })).toEqual({ category: "MONEY", status: "VERIFIED" });
    expect(exportFilter({ category: "MONEY" }, { allStatuses: true, format: csv })).toEqual({ category: "MONEY" });
    expect(exportFilter({ status: "DRAFT" }, { allStatuses: true, format: csv })).toEqual({ status: "DRAFT" });
  });

  it("refuses a filter for unverified claims in a verified-only export, rather than exporting nothing", () => {
    expect(() => exportFilter({ status: "DRAFT" }, { allStatuses: false, format: csv })).toThrow(/draft claims/);
  });

  it("keeps ClaimReview to verified claims even when every status is asked for", () => {
    expect(() => exportFilter({}, { allStatuses: true, format: claimReview })).toThrow(DerekError);
    expect(exportFilter({ status: "VERIFIED" }, { allStatuses: true, format: claimReview })).toEqual({ status: "VERIFIED" });
  });

  it("offers in the browser exactly the formats the server writes", () => {
    expect(EXPORT_CHOICES.map((c) => c.id).sort()).toEqual(EXPORT_FORMATS.map((f) => f.id).sort());
  });
});
