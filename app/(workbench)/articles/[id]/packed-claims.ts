import type { ClaimPermissions } from "@/lib/auth/claim-permissions";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import { fromJsonText, toJsonText, type JsonText } from "./json-text";

/**
 * An article's claims as they travel to the browser when the page opens: one row of values per
 * claim in a fixed column order, the few values that repeat (category, status, author…) named
 * once and referred to by number, and the permissions as bits. With 2,000 claims the field names
 * alone were half of the page; packed, the claims take about a third of the room, which the
 * server writes, the browser reads and React parses for less. They travel as JSON text (json-text.ts).
 */
export type PackedClaims = JsonText<ClaimTable>;

interface ClaimTable {
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
// Asked once per column, not once per value: 2,000 claims are 32,000 values.
const SHARED_AT = COLUMNS.map(isShared);

export function packClaims(claims: readonly ArticleClaim[]): PackedClaims {
  const shared = Object.fromEntries(SHARED.map((column) => [column, [] as (string | null)[]])) as ClaimTable["shared"];
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
    ...COLUMNS.map((column, i) => (SHARED_AT[i] ? numberOf(column as SharedColumn, claim[column] as string | null) : claim[column])),
    PERMISSIONS.reduce((bits, permission, i) => (claim.permissions[permission] ? bits | (1 << i) : bits), 0),
  ]);
  return toJsonText<ClaimTable>({ shared, rows });
}

export function unpackClaims(packed: PackedClaims): ArticleClaim[] {
  const { shared, rows } = fromJsonText(packed);
  return rows.map((row) => {
    const claim: Record<string, unknown> = {};
    for (let i = 0; i < COLUMNS.length; i++) claim[COLUMNS[i]] = SHARED_AT[i] ? shared[COLUMNS[i] as SharedColumn][row[i] as number] : row[i];
    const bits = row[COLUMNS.length] as number;
    const permissions: Record<string, boolean> = {};
    PERMISSIONS.forEach((permission, i) => (permissions[permission] = (bits & (1 << i)) !== 0));
    claim.permissions = permissions;
    return claim as unknown as ArticleClaim;
  });
}
