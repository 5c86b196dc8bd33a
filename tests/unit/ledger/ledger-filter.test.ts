import { describe, expect, it } from "vitest";
import { englishMessage } from "@/lib/core/english-messages";
import { isFiltered, ledgerFilterSchema, ledgerFilterToParams, parseLedgerFilter } from "@/lib/ledger/ledger-filter";
import { prefixTsQuery } from "@/lib/ledger/ledger-sql";
import { decodeLedgerCursor, encodeLedgerCursor } from "@/lib/ledger/ledger-cursor";

const ARTICLE = "0195b3a2-7c1e-7000-8000-000000000001";

describe("ledger filter from a URL", () => {
  it("reads every field, trimming blanks away", () => {
    const ok = parseLedgerFilter({ q: "  қамауға ", status: "VERIFIED", valueMin: "1 000", valueMax: "4000,5", claimant: "", sort: "value" });
    expect(ok).toMatchObject({ ok: true, filter: { q: "қамауға", status: "VERIFIED", valueMin: "1000", valueMax: "4000.5", sort: "value" } });
    if (ok.ok) expect(ok.filter.claimant).toBeUndefined();
  });

  it("names an unknown status and lists the known ones", () => {
    const parsed = parseLedgerFilter({ status: "APPROVED" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.status).toEqual({
        code: "libLedger.filter.unknownValue",
        params: { what: "status", value: "APPROVED", values: "DRAFT, SUBMITTED, RETURNED, DISPUTED, VERIFIED" },
      });
      expect(englishMessage(parsed.errors.status!.code, parsed.errors.status!.params)).toBe("Unknown status “APPROVED”. Choose one of: DRAFT, SUBMITTED, RETURNED, DISPUTED, VERIFIED.");
    }
    // A value that is not text at all (a JSON body, not a URL) is named the same way.
    expect(ledgerFilterSchema.safeParse({ status: 5 }).error?.issues[0]).toMatchObject({ message: "libLedger.filter.unknownValue", params: { what: "status", value: "5" } });
  });

  it("refuses a smallest figure over the largest, on the largest's field", () => {
    const parsed = parseLedgerFilter({ valueMin: "5000", valueMax: "100" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.valueMax?.code).toBe("libLedger.filter.figuresSwapped");
  });

  it("refuses event dates in the wrong order and dates that do not exist", () => {
    const swapped = parseLedgerFilter({ eventFrom: "2020-03-05", eventTo: "2019-06-09" });
    expect(swapped.ok || swapped.errors.eventTo?.code).toBe("libLedger.filter.datesSwapped");
    const impossible = parseLedgerFilter({ eventFrom: "2019-02-30" });
    expect(impossible.ok || impossible.errors.eventFrom?.code).toBe("libLedger.filter.eventFrom");
  });

  it("refuses a figure that is not a number and a field given twice", () => {
    const parsed = parseLedgerFilter({ valueMin: "мың", status: ["VERIFIED", "DRAFT"] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.valueMin?.code).toBe("libLedger.filter.valueMin");
      expect(parsed.errors.status).toEqual({ code: "libReview.repeatedParameter", params: { name: "status", count: 2 } });
    }
  });

  it("refuses a search with no letters or digits", () => {
    const parsed = parseLedgerFilter({ q: "«—»" });
    expect(parsed.ok || parsed.errors.q?.code).toBe("libLedger.filter.searchNoWords");
  });

  it("gives back the same filter from its URL parameters", () => {
    const first = parseLedgerFilter({ q: "Тоқаев", rating: "TRUE", valueMin: "70", eventTo: "2022-11-20", dir: "asc" });
    if (!first.ok) throw new Error("should parse");
    const again = parseLedgerFilter(ledgerFilterToParams(first.filter));
    expect(again).toMatchObject({ ok: true, filter: first.filter });
    expect(isFiltered(first.filter)).toBe(true);
    const sortedOnly = parseLedgerFilter({ sort: "claimant" });
    expect(sortedOnly.ok && isFiltered(sortedOnly.filter)).toBe(false);
  });
});

describe("search words", () => {
  it("makes a prefix query of each Kazakh word, lower-cased, dropping tsquery operators", () => {
    expect(prefixTsQuery("Сайлау & «Аманат»!")).toBe("сайлау:* & аманат:*");
    expect(prefixTsQuery("ҚАМАУҒА алынған 4000")).toBe("қамауға:* & алынған:* & 4000:*");
  });
});

describe("page tokens", () => {
  it("round-trips a cursor and refuses a damaged one", () => {
    const cursor = { key: "2019-06-09", id: ARTICLE };
    expect(decodeLedgerCursor(encodeLedgerCursor(cursor))).toEqual(cursor);
    expect(decodeLedgerCursor(encodeLedgerCursor({ key: null, id: ARTICLE }))).toEqual({ key: null, id: ARTICLE });
    expect(decodeLedgerCursor("not-a-cursor")).toBeNull();
    expect(decodeLedgerCursor(Buffer.from(JSON.stringify(["x", "not-a-uuid"])).toString("base64url"))).toBeNull();
  });
});

describe("every mistake at once", () => {
  it("reports the figures in the wrong order even when another field is unknown", () => {
    const parsed = parseLedgerFilter({ valueMin: "5000", valueMax: "10", status: "PUBLISHED" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.status?.code).toBe("libLedger.filter.unknownValue");
      expect(parsed.errors.valueMax?.code).toBe("libLedger.filter.figuresSwapped");
    }
  });
});
