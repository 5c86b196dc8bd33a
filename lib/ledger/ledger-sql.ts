import { KAZAKH_SQL_COLLATION } from "@/lib/i18n/collation";
import { searchWords, type LedgerFilter, type LedgerSort } from "./ledger-filter";

/**
 * SQL text with numbered parameters ($1, $2, …), for node-postgres and Prisma's $queryRawUnsafe.
 * Every value the user typed travels as a parameter; only fixed fragments are spliced in.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ""): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

// These two expressions must stay exactly those of the indexes "Claim_search_fts_idx" and
// "Claim_figure_range_idx" (migration 20261127090000_claim_ledger), or the planner cannot use them.
export const SEARCH_VECTOR_SQL = `to_tsvector('simple'::regconfig, coalesce(c."quote", '') || ' ' || coalesce(c."claimant", '') || ' ' || coalesce(c."note", ''))`;
export const FIGURE_RANGE_SQL = `numrange(coalesce(c."min", c."value", c."max"), coalesce(c."max", c."value", c."min"), '[]')`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A prefix query per word ("сайлау" finds "сайлауда", "сайлаудың"): Kazakh adds suffixes, never prefixes. */
export function prefixTsQuery(query: string): string {
  return searchWords(query)
    .map((word) => `${word}:*`)
    .join(" & ");
}

/**
 * The conditions of a ledger filter on the claims table aliased `c`. Deleted claims are never in
 * the ledger. The result is a WHERE body (without the keyword).
 */
export function ledgerWhereSql(filter: LedgerFilter, params: SqlParams): string {
  const conditions = [`c."deletedAt" IS NULL`];
  if (filter.status) conditions.push(`c."status" = ${params.add(filter.status, `::"ClaimStatus"`)}`);
  if (filter.rating) conditions.push(`c."rating" = ${params.add(filter.rating, `::"Rating"`)}`);
  if (filter.category) conditions.push(`c."category" = ${params.add(filter.category, `::"ClaimCategory"`)}`);
  if (filter.article) conditions.push(`c."articleId" = ${params.add(filter.article, "::uuid")}`);
  if (filter.author) conditions.push(`c."authorId" = ${params.add(filter.author, "::uuid")}`);
  if (filter.group) conditions.push(`c."groupId" = ${params.add(filter.group, "::uuid")}`);
  // The claim's copy of its article's outlet (kept by triggers), as "Claim_outlet_order_idx" has it.
  if (filter.outlet) conditions.push(`lower(c."outlet") = lower(${params.add(filter.outlet)})`);
  if (filter.claimant) conditions.push(`c."claimant" ILIKE ${params.add(`%${escapeLike(filter.claimant)}%`)}`);
  if (filter.reviewer)
    conditions.push(`EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c.id AND r."reviewerId" = ${params.add(filter.reviewer, "::uuid")})`);
  if (filter.eventFrom) conditions.push(`c."eventDate" >= ${params.add(filter.eventFrom, "::date")}`);
  if (filter.eventTo) conditions.push(`c."eventDate" <= ${params.add(filter.eventTo, "::date")}`);
  if (filter.valueMin !== undefined || filter.valueMax !== undefined) {
    // The claim's figure (a value, or a minimum-maximum range) overlaps the range asked for.
    const low = filter.valueMin !== undefined ? params.add(filter.valueMin, "::numeric") : "NULL";
    const high = filter.valueMax !== undefined ? params.add(filter.valueMax, "::numeric") : "NULL";
    conditions.push(`coalesce(c."min", c."value", c."max") IS NOT NULL`);
    conditions.push(`${FIGURE_RANGE_SQL} && numrange(${low}, ${high}, '[]')`);
  }
  if (filter.q) {
    const words = `${SEARCH_VECTOR_SQL} @@ to_tsquery('simple'::regconfig, ${params.add(prefixTsQuery(filter.q))})`;
    // Trigrams find a fragment inside a word ("мың" in "бірнеше мыңдаған"); under three
    // characters they cannot use the index, and the word prefixes already cover such searches.
    const trimmed = filter.q.trim();
    if (trimmed.length >= 3) {
      const pattern = params.add(`%${escapeLike(trimmed)}%`);
      conditions.push(`(${words} OR c."quote" ILIKE ${pattern} OR c."claimant" ILIKE ${pattern} OR c."note" ILIKE ${pattern})`);
    } else conditions.push(words);
  }
  return conditions.join(" AND ");
}

interface SortColumn {
  sql: string;
  cast: string;
  /** Whether the column can be NULL; such columns sort their NULLs last in both directions. */
  nullable: boolean;
}

const SORT_COLUMNS: Record<LedgerSort, SortColumn> = {
  created: { sql: `c."createdAt"`, cast: "::timestamptz", nullable: false },
  updated: { sql: `c."updatedAt"`, cast: "::timestamptz", nullable: false },
  eventDate: { sql: `c."eventDate"`, cast: "::date", nullable: true },
  value: { sql: `coalesce(c."min", c."value", c."max")`, cast: "::numeric", nullable: true },
  // Claimants are Kazakh names: the Kazakh alphabet, not code points.
  claimant: { sql: `c."claimant" COLLATE ${KAZAKH_SQL_COLLATION}`, cast: "::text", nullable: true },
  category: { sql: `c."category"`, cast: `::"ClaimCategory"`, nullable: false },
  status: { sql: `c."status"`, cast: `::"ClaimStatus"`, nullable: false },
  rating: { sql: `c."rating"`, cast: `::"Rating"`, nullable: true },
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

export function sortKeySql(order: LedgerOrder): string {
  return SORT_COLUMNS[order.sort].sql;
}

/** ORDER BY body: the column (NULLs last), then id as the tie-breaker that makes keyset paging exact. */
export function ledgerOrderSql(order: LedgerOrder): string {
  const column = SORT_COLUMNS[order.sort];
  const dir = order.dir === "asc" ? "ASC" : "DESC";
  return `${column.sql} ${dir}${column.nullable ? " NULLS LAST" : ""}, c.id ${dir}`;
}

/** Where the previous page ended: its last row's sort key (as text, or null) and id. */
export interface LedgerCursor {
  key: string | null;
  id: string;
}

/** The condition "after the cursor" in the given order. */
export function ledgerAfterSql(order: LedgerOrder, cursor: LedgerCursor, params: SqlParams): string {
  const column = SORT_COLUMNS[order.sort];
  const op = order.dir === "asc" ? ">" : "<";
  const id = params.add(cursor.id, "::uuid");
  if (cursor.key === null) {
    // Only the NULL tail is left, ordered by id.
    return `(${column.sql} IS NULL AND c.id ${op} ${id})`;
  }
  const key = params.add(cursor.key, column.cast);
  // A row comparison lets the planner walk a (column, id) index from the cursor on.
  const after = `(${column.sql}, c.id) ${op} (${key}, ${id})`;
  return column.nullable ? `(${after} OR ${column.sql} IS NULL)` : after;
}
