import { Prisma } from "@/lib/generated/prisma/client";
import { KAZAKH_SQL_COLLATION } from "@/lib/i18n/collation";
import { searchWords, type LedgerFilter, type LedgerSort } from "./ledger-filter";

// These two expressions must stay exactly those of the indexes "Claim_search_fts_idx" and
// "Claim_figure_range_idx" (migration 20261127090000_claim_ledger), or the planner cannot use them.
export const SEARCH_VECTOR_SQL = Prisma.raw(`to_tsvector('simple'::regconfig, coalesce(c."quote", '') || ' ' || coalesce(c."claimant", '') || ' ' || coalesce(c."note", ''))`);
export const FIGURE_RANGE_SQL = Prisma.raw(`numrange(coalesce(c."min", c."value", c."max"), coalesce(c."max", c."value", c."min"), '[]')`);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A prefix query per word ("сайлау" finds "сайлауда", "сайлаудың"): Kazakh adds suffixes, never prefixes. */
export function prefixTsQuery(query: string): string {
  return searchWords(query)
    .map((word) => `${word}:*`)
    .join(" & ");
}

/**
 * The conditions of a ledger filter on the claims table aliased `c`. Deleted claims are never in
 * the ledger. The result is a WHERE body (without the keyword); every value the user typed is a
 * parameter of the tagged template, never part of the SQL text.
 */
export function ledgerWhereSql(filter: LedgerFilter): Prisma.Sql {
  const conditions = [Prisma.sql`c."deletedAt" IS NULL`];
  if (filter.status) conditions.push(Prisma.sql`c."status" = ${filter.status}::"ClaimStatus"`);
  if (filter.rating) conditions.push(Prisma.sql`c."rating" = ${filter.rating}::"Rating"`);
  if (filter.category) conditions.push(Prisma.sql`c."category" = ${filter.category}::"ClaimCategory"`);
  if (filter.article) conditions.push(Prisma.sql`c."articleId" = ${filter.article}::uuid`);
  if (filter.author) conditions.push(Prisma.sql`c."authorId" = ${filter.author}::uuid`);
  if (filter.group) conditions.push(Prisma.sql`c."groupId" = ${filter.group}::uuid`);
  // The claim's copy of its article's outlet (kept by triggers), as "Claim_outlet_order_idx" has it.
  if (filter.outlet) conditions.push(Prisma.sql`lower(c."outlet") = lower(${filter.outlet})`);
  if (filter.claimant) conditions.push(Prisma.sql`c."claimant" ILIKE ${`%${escapeLike(filter.claimant)}%`}`);
  if (filter.reviewer)
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c.id AND r."reviewerId" = ${filter.reviewer}::uuid)`);
  if (filter.eventFrom) conditions.push(Prisma.sql`c."eventDate" >= ${filter.eventFrom}::date`);
  if (filter.eventTo) conditions.push(Prisma.sql`c."eventDate" <= ${filter.eventTo}::date`);
  if (filter.valueMin !== undefined || filter.valueMax !== undefined) {
    // The claim's figure (a value, or a minimum-maximum range) overlaps the range asked for.
    const low = filter.valueMin !== undefined ? Prisma.sql`${filter.valueMin}::numeric` : Prisma.sql`NULL`;
    const high = filter.valueMax !== undefined ? Prisma.sql`${filter.valueMax}::numeric` : Prisma.sql`NULL`;
    conditions.push(Prisma.sql`coalesce(c."min", c."value", c."max") IS NOT NULL`);
    conditions.push(Prisma.sql`${FIGURE_RANGE_SQL} && numrange(${low}, ${high}, '[]')`);
  }
  if (filter.q) {
    const words = Prisma.sql`${SEARCH_VECTOR_SQL} @@ to_tsquery('simple'::regconfig, ${prefixTsQuery(filter.q)})`;
    // Trigrams find a fragment inside a word ("мың" in "бірнеше мыңдаған"); under three
    // characters they cannot use the index, and the word prefixes already cover such searches.
    const trimmed = filter.q.trim();
    if (trimmed.length >= 3) {
      const pattern = `%${escapeLike(trimmed)}%`;
      conditions.push(Prisma.sql`(${words} OR c."quote" ILIKE ${pattern} OR c."claimant" ILIKE ${pattern} OR c."note" ILIKE ${pattern})`);
    } else conditions.push(words);
  }
  return Prisma.join(conditions, " AND ");
}

interface SortColumn {
  /** A fixed expression of this file, never input. */
  sql: Prisma.Sql;
  cast: Prisma.Sql;
  /** Whether the column can be NULL; such columns sort their NULLs last in both directions. */
  nullable: boolean;
}

const SORT_COLUMNS: Record<LedgerSort, SortColumn> = {
  created: { sql: Prisma.raw(`c."createdAt"`), cast: Prisma.raw("::timestamptz"), nullable: false },
  updated: { sql: Prisma.raw(`c."updatedAt"`), cast: Prisma.raw("::timestamptz"), nullable: false },
  eventDate: { sql: Prisma.raw(`c."eventDate"`), cast: Prisma.raw("::date"), nullable: true },
  value: { sql: Prisma.raw(`coalesce(c."min", c."value", c."max")`), cast: Prisma.raw("::numeric"), nullable: true },
  // Claimants are Kazakh names: the Kazakh alphabet, not code points.
  claimant: { sql: Prisma.raw(`c."claimant" COLLATE ${KAZAKH_SQL_COLLATION}`), cast: Prisma.raw("::text"), nullable: true },
  category: { sql: Prisma.raw(`c."category"`), cast: Prisma.raw(`::"ClaimCategory"`), nullable: false },
  status: { sql: Prisma.raw(`c."status"`), cast: Prisma.raw(`::"ClaimStatus"`), nullable: false },
  rating: { sql: Prisma.raw(`c."rating"`), cast: Prisma.raw(`::"Rating"`), nullable: true },
};

export interface LedgerOrder {
  sort: LedgerSort;
  dir: "asc" | "desc";
}

/** Newest first unless the filter says otherwise; a column chosen without a direction goes up. */
export function ledgerOrderOf(filter: LedgerFilter): LedgerOrder {
  const sort = filter.sort ?? "created";
  return { sort, dir: filter.dir ?? (filter.sort ? "asc" : "desc") };
}

export function sortKeySql(order: LedgerOrder): Prisma.Sql {
  return SORT_COLUMNS[order.sort].sql;
}

/** ORDER BY body: the column (NULLs last), then id as the tie-breaker that makes keyset paging exact. */
export function ledgerOrderSql(order: LedgerOrder): Prisma.Sql {
  const column = SORT_COLUMNS[order.sort];
  const dir = Prisma.raw(order.dir === "asc" ? "ASC" : "DESC");
  return Prisma.sql`${column.sql} ${dir}${column.nullable ? Prisma.raw(" NULLS LAST") : Prisma.empty}, c.id ${dir}`;
}

/** Where the previous page ended: its last row's sort key (as text, or null) and id. */
export interface LedgerCursor {
  key: string | null;
  id: string;
}

/** The condition "after the cursor" in the given order. */
export function ledgerAfterSql(options: { order: LedgerOrder; cursor: LedgerCursor }): Prisma.Sql {
  const { order, cursor } = options;
  const column = SORT_COLUMNS[order.sort];
  const op = Prisma.raw(order.dir === "asc" ? ">" : "<");
  const id = Prisma.sql`${cursor.id}::uuid`;
  if (cursor.key === null) {
    // Only the NULL tail is left, ordered by id.
    return Prisma.sql`(${column.sql} IS NULL AND c.id ${op} ${id})`;
  }
  const key = Prisma.sql`${cursor.key}${column.cast}`;
  // A row comparison lets the planner walk a (column, id) index from the cursor on.
  const after = Prisma.sql`(${column.sql}, c.id) ${op} (${key}, ${id})`;
  return column.nullable ? Prisma.sql`(${after} OR ${column.sql} IS NULL)` : after;
}
