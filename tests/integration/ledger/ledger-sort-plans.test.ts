import { Prisma } from "@/lib/generated/prisma/client";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseLedgerFilter } from "@/lib/ledger/ledger-filter";
import { ledgerOrderOf, ledgerOrderSql, ledgerWhereSql } from "@/lib/ledger/ledger-sql";

/** The plan of the ledger's first page in the order the URL names, as list-ledger.ts builds it. */
async function firstPagePlan(query: Record<string, string>): Promise<string> {
  const parsed = parseLedgerFilter(query);
  if (!parsed.ok) throw new Error(`not a ledger filter: ${JSON.stringify(query)}`);
  const order = ledgerOrderOf(parsed.filter);
  // Forbidding a sequential scan leaves the planner a sort of the whole table or an index that
  // holds the order: only the second reads a first page without reading every claim.
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
    const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN SELECT c.id FROM "Claim" c WHERE ${ledgerWhereSql(parsed.filter)} ORDER BY ${ledgerOrderSql(order)} LIMIT 51`,
    );
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}

describe("the ledger's sorts read their first page from an index", () => {
  it.each([
    [{ sort: "value", dir: "asc" }, "Claim_figure_asc_order_idx"],
    [{ sort: "value", dir: "desc" }, "Claim_figure_desc_order_idx"],
    [{ sort: "eventDate", dir: "desc" }, "Claim_eventDate_desc_order_idx"],
  ])("%o walks %s, with no sort of its own", async (query, index) => {
    const plan = await firstPagePlan(query);
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/^\s*(->\s*)?(Incremental )?Sort\b/m);
  });
});
