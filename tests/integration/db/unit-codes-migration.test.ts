import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { unitCode } from "@/lib/i18n/canonical-unit";
import { openDatabaseBeforeMigration, type DatabaseBeforeMigration } from "../../support/database-before-migration";
import { MIGRATIONS_DIR } from "../../support/paths";

// Units typed before they were codes ("адам", "Человек", "people") become the code a claim stores
// now, so a group no longer shows "person" beside "адам"; units Derek does not know stay as typed.
const MIGRATION = "20261204100000_unit_codes";
let client: pg.Client;
let url: string;
let database: DatabaseBeforeMigration | undefined;

beforeAll(async () => {
  database = await openDatabaseBeforeMigration(MIGRATION, "derek_unit_codes_migration");
  ({ client, url } = database);
});

afterAll(async () => {
  await database?.close();
});

const id = (n: number) => `0194d1c4-5b6a-7c2e-8f00-${String(n).padStart(12, "0")}`;

describe("the unit-code migration", () => {
  it("stores the code of every unit word in Kazakh, Russian and English, and keeps the rest as typed", async () => {
    const typed = ["адам", "Адамдар", "пайызы", "%", "человек", " Человека ", "people", "percent", "чел.", "тенге", "₸", "қала", "ЖЫЛ", "гектар жер", "белгісіз бірлік", null];
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, 'units@example.kz', 'Units', 'x', now())`, [id(1)]);
    await client.query(`INSERT INTO "Article" (id, title, "bodyJson", "bodyText", "contentHash", "updatedAt") VALUES ($1, 'Units', '{}', 'text', 'units-hash', now())`, [id(2)]);
    for (const [i, unit] of typed.entries())
      await client.query(`INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, unit, "authorId", "updatedAt") VALUES ($1, $2, 0, 4, 'text', 'OTHER', 10, $3, $4, now())`, [id(100 + i), id(2), unit, id(1)]);
    await client.query(`INSERT INTO "ClaimSuggestion" (id, "articleId", revision, start, "end", text, unit) VALUES ($1, $2, 1, 0, 4, 'text', 'Адам')`, [id(300), id(2)]);

    await migrate(url, MIGRATIONS_DIR);

    const { rows } = await client.query<{ unit: string | null }>(`SELECT unit FROM "Claim" ORDER BY id`);
    expect(rows.map((r) => r.unit)).toEqual(["person", "person", "percent", "percent", "person", "person", "person", "percent", "person", "KZT", "KZT", "қала", "year", "гектар жер", "белгісіз бірлік", null]);
    const { rows: suggestions } = await client.query<{ unit: string }>(`SELECT unit FROM "ClaimSuggestion"`);
    expect(suggestions.map((s) => s.unit)).toEqual(["person"]);
  });

  it("maps each word to the code the claim form stores for it", async () => {
    const sql = await readFile(path.join(MIGRATIONS_DIR, MIGRATION, "migration.sql"), "utf8");
    const pairs = [...sql.matchAll(/^ {2}\('((?:[^']|'')*)', '((?:[^']|'')*)'\),?$/gm)].map(([, word, code]) => [word.replace(/''/g, "'"), code.replace(/''/g, "'")]);
    expect(pairs.length).toBeGreaterThan(1000);
    expect(pairs.filter(([word, code]) => unitCode(word) !== code)).toEqual([]);
  });
});
