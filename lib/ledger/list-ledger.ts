import { isDataException } from "@/lib/core/db-errors";
import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { readDb } from "@/lib/db/client";
import { Prisma, type ClaimCategory, type ClaimStatus, type Qualifier, type Rating } from "@/lib/generated/prisma/client";
import { encodeLedgerCursor } from "./ledger-cursor";
import type { LedgerFilter } from "./ledger-filter";
import { ledgerAfterSql, ledgerOrderOf, ledgerOrderSql, ledgerWhereSql, sortKeySql, type LedgerCursor } from "./ledger-sql";

export const LEDGER_PAGE_SIZE = 50;

export interface LedgerRow {
  id: string;
  articleId: string;
  articleTitle: string;
  outlet: string | null;
  quote: string;
  category: ClaimCategory;
  value: string | null;
  min: string | null;
  max: string | null;
  unit: string | null;
  qualifier: Qualifier;
  claimant: string | null;
  eventDate: string | null;
  status: ClaimStatus;
  rating: Rating | null;
  authorName: string;
  groupId: string | null;
  createdAt: Date;
}

export interface LedgerPage {
  rows: LedgerRow[];
  /** The token of the next page, or null on the last one. */
  next: string | null;
}

interface RawRow extends LedgerRow {
  sortKey: string | null;
}

/**
 * One page of the ledger: live claims across all articles matching the filter, in the filter's
 * order, continuing after `after`. Keyset pagination: every page costs the same, however deep.
 */
export async function listLedger(options: { actor: Actor; filter: LedgerFilter; after?: LedgerCursor | null }): Promise<LedgerPage> {
  const { actor, filter, after = null } = options;
  authorize(actor, "ledger.read");
  const order = ledgerOrderOf(filter);
  const filtered = ledgerWhereSql(filter);
  const where = after ? Prisma.sql`${filtered} AND ${ledgerAfterSql({ order, cursor: after })}` : filtered;
  const matching = Prisma.sql`SELECT c.* FROM "Claim" c WHERE ${where} ORDER BY ${ledgerOrderSql(order)} LIMIT ${LEDGER_PAGE_SIZE + 1}::int`;
  const query = Prisma.sql`
    SELECT c.id, c."articleId", a.title AS "articleTitle", a.outlet, c.quote, c.category,
           trim_scale(c.value)::text AS value, trim_scale(c.min)::text AS min, trim_scale(c.max)::text AS max, c.unit, c.qualifier, c.claimant,
           to_char(c."eventDate", 'YYYY-MM-DD') AS "eventDate", c.status, c.rating, u.name AS "authorName",
           c."groupId", c."createdAt", (${sortKeySql(order)})::text AS "sortKey"
      FROM (${matching}) c
      JOIN "Article" a ON a.id = c."articleId"
      JOIN "User" u ON u.id = c."authorId"
     ORDER BY ${ledgerOrderSql(order)}`;
  let rows: RawRow[];
  try {
    rows = await readDb.$queryRaw<RawRow[]>(query);
  } catch (error) {
    // A cursor whose key is not of the column's type (a hand-edited link).
    if (after && isDataException(error)) throw new DerekError("libLedger.pageLinkDamaged", { field: "after" });
    throw error;
  }
  const more = rows.length > LEDGER_PAGE_SIZE;
  const page = more ? rows.slice(0, LEDGER_PAGE_SIZE) : rows;
  const last = page.at(-1);
  return {
    rows: page.map(({ sortKey: _sortKey, ...row }) => row),
    next: more && last ? encodeLedgerCursor({ key: last.sortKey, id: last.id }) : null,
  };
}

/** How many claims match, counted up to `cap` (a count of a million rows is not worth its wait). */
export async function countLedger(options: { actor: Actor; filter: LedgerFilter; cap?: number }): Promise<{ count: number; capped: boolean }> {
  const { actor, filter, cap = 10_000 } = options;
  authorize(actor, "ledger.read");
  const [{ count }] = await readDb.$queryRaw<{ count: number }[]>(
    Prisma.sql`SELECT count(*)::int AS count FROM (SELECT 1 FROM "Claim" c WHERE ${ledgerWhereSql(filter)} LIMIT ${cap + 1}::int) matched`,
  );
  return count > cap ? { count: cap, capped: true } : { count, capped: false };
}
