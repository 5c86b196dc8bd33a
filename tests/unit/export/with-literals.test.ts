import pg from "pg";
import { describe, expect, it } from "vitest";
import { withLiterals } from "@/lib/export/export-lines";

// COPY takes no parameters, so the stored lines' statement has its values written in as literals.

const client = { escapeLiteral: pg.escapeLiteral };

describe("withLiterals", () => {
  it("writes each parameter once as a quoted literal, $10 apart from $1", () => {
    const values = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    const text = Array.from({ length: 10 }, (_, i) => `$${i + 1}`).join(", ");
    expect(withLiterals(client, { text, values })).toBe(values.map((v) => `'${v}'`).join(", "));
  });

  it("escapes quotes and backslashes, so a value cannot end its literal", () => {
    expect(withLiterals(client, { text: "c.claimant ILIKE $1", values: ["%O'Brien\\' OR 1=1 --%"] })).toBe("c.claimant ILIKE  E'%O''Brien\\\\'' OR 1=1 --%'");
  });

  it("writes NULL, numbers, booleans and dates, and refuses anything else", () => {
    expect(withLiterals(client, { text: "$1 $2 $3 $4", values: [null, 2.5, true, new Date("2026-12-03T00:00:00Z")] })).toBe("NULL '2.5' true '2026-12-03T00:00:00.000Z'");
    expect(() => withLiterals(client, { text: "$1", values: [["a"]] })).toThrow(/cannot be written/);
    expect(() => withLiterals(client, { text: "$1", values: [Number.NaN] })).toThrow(/cannot be written/);
  });
});
