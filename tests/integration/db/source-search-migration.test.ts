import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { normaliseUrl } from "@/lib/sources/normalise-url";
import { openDatabaseBeforeMigration, type DatabaseBeforeMigration } from "../../support/database-before-migration";
import { MIGRATIONS_DIR } from "../../support/paths";

// Sources stored before addresses had keys: the migration keys them the way the app does, keeps
// the ones stored twice (and every link to them), and counts their citations.
const MIGRATION = "20261205110000_source_search";
let client: pg.Client;
let url: string;
let database: DatabaseBeforeMigration | undefined;

beforeAll(async () => {
  database = await openDatabaseBeforeMigration(MIGRATION, "derek_source_search_migration");
  ({ client, url } = database);
});

afterAll(async () => {
  await database?.close();
});

const id = (n: number) => `0194d1c4-5b6a-7c2e-8f00-${String(n).padStart(12, "0")}`;

// Addresses as editors pasted them from the address bar: the SQL in the migration must key them
// exactly as lib/sources/normalise-url.ts does.
const STORED = [
  "https://www.gov.kz/memleket/entities/qriim/press/news/details/1?lang=kk",
  "http://gov.kz/memleket/entities/qriim/press/news/details/1/?utm_source=telegram&lang=kk#top",
  "https://WWW.Stat.GOV.KZ:443/ru/industries/",
  "https://tengrinews.kz/kazakhstan_news/aktau-123/?utm_source=tg&utm_medium=social&b=2&a=1",
  "https://www.inform.kz/kz/article?id=42&fbclid=IwAR3xyz&gclid=1&yclid=2&ysclid=3",
  "https://adilet.zan.kz/kaz/docs/K950001000_",
  "https://kursiv.media:8080/news/",
  "https://press@www.akorda.kz/kz/speeches",
  "https://www.zakon.kz/6405331-novost.html?flag",
];

describe("the source-search migration", () => {
  it("keys stored sources as the app does, keeps duplicates with their links, and counts citations", async () => {
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, 'sources@example.kz', 'Sources', 'x', now())`, [id(1)]);
    await client.query(`INSERT INTO "Article" (id, title, "bodyJson", "bodyText", "contentHash", "updatedAt") VALUES ($1, 'Sources', '{}', 'text', 'sources-hash', now())`, [id(2)]);
    for (const [i, address] of STORED.entries())
      await client.query(`INSERT INTO "Source" (id, url, kind, "createdAt", "updatedAt") VALUES ($1, $2, 'OTHER', '2026-01-01T00:00:00Z', now())`, [id(100 + i), address]);
    for (const n of [0, 1])
      await client.query(`INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, "authorId", "updatedAt") VALUES ($1, $2, 0, 4, 'text', 'OTHER', 10, $3, now())`, [id(200 + n), id(2), id(1)]);
    // Both copies of the gov.kz page are cited; one claim cites both.
    const links: [number, number, string][] = [[200, 100, "2026-02-01T00:00:00Z"], [201, 100, "2026-03-01T00:00:00Z"], [201, 101, "2026-02-15T00:00:00Z"]];
    for (const [claim, source, at] of links)
      await client.query(`INSERT INTO "ClaimSource" ("claimId", "sourceId", "createdAt") VALUES ($1, $2, $3)`, [id(claim), id(source), at]);

    await migrate(url, MIGRATIONS_DIR);

    const { rows } = await client.query<{ url: string; urlKey: string; citationCount: number; lastCitedAt: Date }>(
      `SELECT url, "urlKey", "citationCount", "lastCitedAt" FROM "Source" ORDER BY id`,
    );
    expect(rows.map((r) => [r.url, r.urlKey])).toEqual(STORED.map((address) => [address, normaliseUrl(address)]));
    expect(rows[0].urlKey).toBe(rows[1].urlKey);
    expect(rows.map((r) => r.citationCount)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(rows.slice(0, 3).map((r) => r.lastCitedAt.toISOString())).toEqual(["2026-03-01T00:00:00.000Z", "2026-02-15T00:00:00.000Z", "2026-01-01T00:00:00.000Z"]);
    const { rows: kept } = await client.query(`SELECT "claimId", "sourceId" FROM "ClaimSource"`);
    expect(kept).toHaveLength(3);

    // From now on the trigger counts each link made or removed.
    await client.query(`DELETE FROM "ClaimSource" WHERE "claimId" = $1 AND "sourceId" = $2`, [id(201), id(100)]);
    await client.query(`INSERT INTO "ClaimSource" ("claimId", "sourceId", "createdAt") VALUES ($1, $2, '2026-04-01T00:00:00Z')`, [id(200), id(102)]);
    const { rows: counted } = await client.query(`SELECT "citationCount", "lastCitedAt" FROM "Source" WHERE id = ANY($1::uuid[]) ORDER BY id`, [[id(100), id(102)]]);
    expect(counted.map((r) => r.citationCount)).toEqual([1, 1]);
    expect(counted[1].lastCitedAt.toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });
});
