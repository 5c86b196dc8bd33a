import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { jsonlFormat } from "@/lib/backup/jsonl-format";
import { db } from "@/lib/db/client";
import { runExport, streamExport } from "@/lib/export/run-export";
import { snapshotHelper } from "@/lib/export/snapshot-helper";
import { makeActor, seedArticle } from "../review/fixtures";
import { readAll, verifiedClaim } from "./fixtures";

const BASE = "https://derek.example.kz";
const pools: pg.Pool[] = [];
const newPool = (max: number) => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max, connectionTimeoutMillis: 2_000 });
  pools.push(pool);
  return pool;
};
const busy = (pool: pg.Pool) => pool.totalCount - pool.idleCount;

let editor: Actor;

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@snapshot.test", "Әсел Нұрланова");
  const reviewer = await makeActor("REVIEWER", "reviewer@snapshot.test", "Ерлан Қасымов");
  const article = await seedArticle("003_f112b8e6a601b618.txt");
  await verifiedClaim(editor, reviewer, article, "5 жылға сотталған", "TRUE");
  await verifiedClaim(editor, reviewer, article, "10 жылдан астам", "FALSE", { category: "OTHER", value: "10", unit: "year" });
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

describe("snapshotHelper", () => {
  it("reads the snapshot of the connection it helps, not what was committed since", async () => {
    const pool = newPool(3);
    const client = await pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const users = async (on: pg.Pool | pg.PoolClient) => (await on.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n;
      const before = await users(client);
      await makeActor("EDITOR", "late@snapshot.test", "Кейін келген");
      const helper = await snapshotHelper(pool, client);
      expect(helper).not.toBeNull();
      expect(await users(helper!.client)).toBe(before);
      await helper!.end();
      expect(await users(pool)).toBe(before + 1);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("is null when the pool has no connection free, and gives its connection back when ended", async () => {
    const pool = newPool(2);
    const client = await pool.connect();
    const other = await pool.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    expect(await snapshotHelper(pool, client)).toBeNull();
    other.release();
    const helper = await snapshotHelper(pool, client);
    expect(helper).not.toBeNull();
    expect(busy(pool)).toBe(2);
    await helper!.end();
    expect(busy(pool)).toBe(1);
    await client.query("ROLLBACK");
    client.release();
  });
});

describe("a helper's work", () => {
  it("runs one piece after another, after a failed one too, and is refused once the helper is given back", async () => {
    const pool = newPool(3);
    const client = await pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const helper = (await snapshotHelper(pool, client))!;
      const events: string[] = [];
      const piece = (name: string, fail = false) =>
        helper.run(async (on) => {
          events.push(`${name} starts`);
          await on.query("SELECT pg_sleep(0.03)");
          events.push(`${name} ends`);
          if (fail) throw new Error(`${name} failed`);
          return name;
        });
      const results = await Promise.allSettled([piece("count", true), piece("records")]);
      expect(events).toEqual(["count starts", "count ends", "records starts", "records ends"]);
      expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
      await helper.end();
      await expect(helper.run(async () => "late")).rejects.toThrow("given back");
      expect(busy(pool)).toBe(1);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});

/** A pool on the real database whose new connections refuse to join another's snapshot. */
function poolRefusingSnapshots(max: number): pg.Pool {
  const pool = newPool(max);
  pool.on("connect", (connection) => {
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    (connection as { query: unknown }).query = (...args: unknown[]) =>
      typeof args[0] === "string" && args[0].startsWith("SET TRANSACTION SNAPSHOT") ? Promise.reject(new Error("snapshot refused")) : query(...args);
  });
  return pool;
}

describe("a helper that cannot join the snapshot", () => {
  it("is null, and its connection is dropped rather than given back mid-transaction", async () => {
    const pool = poolRefusingSnapshots(3);
    const client = await pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
      expect(await snapshotHelper(pool, client)).toBeNull();
      expect(errors).toHaveBeenCalledWith(expect.stringContaining("could not join its snapshot"), "snapshot refused");
      errors.mockRestore();
      expect(pool.totalCount).toBe(1);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("leaves the export to count on its own connection", async () => {
    const pool = poolRefusingSnapshots(3);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const run = await runExport({ actor: editor, format: "jsonl", filter: {}, baseUrl: BASE, pool });
    const file = await readAll(run.stream);
    errors.mockRestore();
    expect(run.claimCount).toBe((await run.done).claims);
    expect(file.toString("utf8").match(/"type":"claim"/g)).toHaveLength(run.claimCount);
    expect(busy(pool)).toBe(0);
  });
});

describe("an export whose writer does not need the count", () => {
  const header = (file: Buffer) => file.toString("utf8").split("\n", 1)[0];
  const body = (file: Buffer) => file.toString("utf8").slice(header(file).length);

  it("counts on a second connection beside its writer and writes the file it writes alone", async () => {
    const roomy = newPool(3);
    const beside = await runExport({ actor: editor, format: "jsonl", filter: {}, baseUrl: BASE, pool: roomy });
    const besideFile = await readAll(beside.stream);
    // The export's own connection and the helper it counted on.
    expect(roomy.totalCount).toBe(2);
    const alone = newPool(1);
    const inTurn = await runExport({ actor: editor, format: "jsonl", filter: {}, baseUrl: BASE, pool: alone });
    const inTurnFile = await readAll(inTurn.stream);

    expect(beside.claimCount).toBe(inTurn.claimCount);
    expect(beside.claimCount).toBe((await beside.done).claims);
    expect(body(besideFile)).toBe(body(inTurnFile));
    expect(body(besideFile).match(/"type":"claim"/g)).toHaveLength(beside.claimCount);
    expect(busy(roomy)).toBe(0);
  });

  it("frees both connections, and leaves them usable, when the count fails", async () => {
    const pool = newPool(3);
    const failing = streamExport({
      actor: editor,
      format: jsonlFormat,
      filter: {},
      count: async (client) => {
        await client.query("SELECT 1");
        throw new Error("the count failed");
      },
      audited: { format: "jsonl" },
      baseUrl: BASE,
      pool,
    });
    await expect(failing).rejects.toThrow("the count failed");
    expect(busy(pool)).toBe(0);
    // Both connections came back usable: the next export works on the same pool.
    const next = await runExport({ actor: editor, format: "jsonl", filter: {}, baseUrl: BASE, pool });
    await readAll(next.stream);
    expect((await next.done).claims).toBe(next.claimCount);
    expect(await db.auditEvent.count({ where: { action: "export.created", entityId: next.exportId } })).toBe(1);
  });
});
