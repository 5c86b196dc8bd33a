import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { openDatabaseBeforeMigration, type DatabaseBeforeMigration } from "../../support/database-before-migration";
import { MIGRATIONS_DIR } from "../../support/paths";

// Merges made before ClaimGroupAlias existed are in the audit trail only: the migration that adds
// the table follows them, so those old addresses redirect too.
const MIGRATION = "20261203110000_claim_group_alias";
let client: pg.Client;
let url: string;
let database: DatabaseBeforeMigration | undefined;

beforeAll(async () => {
  database = await openDatabaseBeforeMigration(MIGRATION, "derek_group_alias_backfill");
  ({ client, url } = database);
});

afterAll(async () => {
  await database?.close();
});

const id = (n: number) => `0194d1c4-5b6a-7c2e-8f00-${String(n).padStart(12, "0")}`;

describe("the alias table's migration", () => {
  it("leads every group merged away before it to the group that holds its claims now", async () => {
    const [a, b, c, d, e, f] = [1, 2, 3, 4, 5, 6].map(id);
    // c and f still exist; a went into b, then b into c; d went into e, which was dissolved later.
    await client.query(`INSERT INTO "ClaimGroup" (id, status, "updatedAt") VALUES ($1, 'CONFIRMED', now()), ($2, 'PROPOSED', now())`, [c, f]);
    const merge = (gone: string, into: string, at: string) =>
      client.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId", after, "createdAt") VALUES ('group.merge', 'ClaimGroup', $1, $2, $3)`, [gone, JSON.stringify({ mergedInto: into }), at]);
    await merge(a, b, "2026-11-01T10:00:00Z");
    await merge(b, c, "2026-11-02T10:00:00Z");
    await merge(d, e, "2026-11-03T10:00:00Z");
    // The survivor's own merge event (no mergedInto) is not an alias.
    await client.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId", after) VALUES ('group.merge', 'ClaimGroup', $1, '{"claimIds": []}')`, [c]);

    await migrate(url, MIGRATIONS_DIR);
    const { rows } = await client.query<{ id: string; groupId: string; mergedAt: Date }>(`SELECT id, "groupId", "mergedAt" FROM "ClaimGroupAlias" ORDER BY id`);
    expect(rows.map((r) => [r.id, r.groupId])).toEqual([
      [a, c],
      [b, c],
    ]);
    expect(rows[0].mergedAt.toISOString()).toBe("2026-11-01T10:00:00.000Z");
  });
});
