import type { ClaimPermissions } from "@/lib/auth/claim-permissions";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";

/**
 * An article's claims as they travel to the browser when the page opens: one row of values per
 * claim in a fixed column order, the few values that repeat (category, status, author…) named
 * once and referred to by number, and the permissions as bits. With 2,000 claims the field names
 * alone were half of the page; packed, the claims take about a third of the room, which the
 * server writes, the browser reads and React parses for less.
 */
export interface PackedClaims {
  shared: Record<SharedColumn, (string | null)[]>;
  rows: (string | number | null)[][];
}

const COLUMNS = ["id", "start", "end", "quote", "category", "value", "min", "max", "unit", "qualifier", "claimant", "status", "rating", "anchorStatus", "version", "authorId"] as const;
const SHARED = ["category", "unit", "qualifier", "status", "rating", "anchorStatus", "authorId"] as const;
const PERMISSIONS = ["canEdit", "canDelete", "canSubmit", "canDecide"] as const satisfies readonly (keyof ClaimPermissions)[];

type Column = (typeof COLUMNS)[number];
type SharedColumn = (typeof SHARED)[number];
// A field added to ArticleClaim fails to compile here until it has a column.
type Unpacked = Exclude<keyof ArticleClaim, Column | "permissions">;
const everyFieldPacked: [Unpacked] extends [never] ? true : Unpacked = true;
void everyFieldPacked;

const isShared = (column: Column): column is SharedColumn => (SHARED as readonly Column[]).includes(column);

export function packClaims(claims: readonly ArticleClaim[]): PackedClaims {
  const shared = Object.fromEntries(SHARED.map((column) => [column, [] as (string | null)[]])) as PackedClaims["shared"];
  const numbers = new Map(SHARED.map((column) => [column, new Map<string | null, number>()]));
  const numberOf = (column: SharedColumn, value: string | null) => {
    const known = numbers.get(column)!;
    let n = known.get(value);
    if (n === undefined) {
      n = shared[column].push(value) - 1;
      known.set(value, n);
    }
    return n;
  };
  const rows = claims.map((claim) => [
    ...COLUMNS.map((column) => (isShared(column) ? numberOf(column, claim[column]) : claim[column])),
    PERMISSIONS.reduce((bits, permission, i) => (claim.permissions[permission] ? bits | (1 << i) : bits), 0),
  ]);
  return { shared, rows };
}

export function unpackClaims({ shared, rows }: PackedClaims): ArticleClaim[] {
  return rows.map((row) => {
    const claim: Record<string, unknown> = {};
    COLUMNS.forEach((column, i) => {
      claim[column] = isShared(column) ? shared[column][row[i] as number] : row[i];
    });
    const bits = row[COLUMNS.length] as number;
    claim.permissions = Object.fromEntries(PERMISSIONS.map((permission, i) => [permission, (bits & (1 << i)) !== 0]));
    return claim as ArticleClaim;
  });
}
