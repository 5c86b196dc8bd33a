import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { SessionActor } from "@/lib/auth/load-actor";
import { backupFormat } from "@/lib/backup/jsonl-format";
import { db, disconnectDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { dropDatabase, TEMPLATE_DATABASE } from "../../support/test-postgres";
import { makeActor, seedArticle, submittedClaim } from "../review/fixtures";
import { collect } from "../../support/file-chunks";

// The session is next-auth's, which needs a Next.js request; everything after it is the real route.
const session = vi.hoisted(() => ({ actor: null as SessionActor | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/app/_lib/session", () => ({ currentActor: async () => session.actor }));
const { POST } = await import("@/app/api/backup/restore/route");

const adminUrl = inject("postgresAdminUrl");
const sourceUrl = process.env.DATABASE_URL!;
const target = `derek_test_${randomBytes(6).toString("hex")}`;
let backup: string;
let admin: SessionActor;
/** Each restore through the route starts a process of its own (a few seconds on a busy machine). */
const RESTORES_TIMEOUT = 180_000;

function post(body: string | null, headers: Record<string, string> = {}) {
  return POST(new Request("http://derek.test/api/backup/restore", { method: "POST", body, headers: { host: "derek.test", ...headers } }));
}

beforeAll(async () => {
  const editor = await makeActor("EDITOR", "editor@route.test", "Әйгерім");
  await submittedClaim(editor, await seedArticle(), "5 жылға");
  const pool = new pg.Pool({ connectionString: sourceUrl, max: 1 });
  const client = await pool.connect();
  backup = "";
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    backup += await collect(backupFormat.write({ client, filter: {}, baseUrl: "http://derek.test", onClaim: () => undefined }));
    await client.query("COMMIT");
  } finally {
    client.release();
    await pool.end();
  }

  // The instance restored into: empty but for the admin who restores.
  await ensureDatabase(adminUrl, target, TEMPLATE_DATABASE);
  await disconnectDb();
  process.env.DATABASE_URL = inject("postgresUrlTemplate").replace("{db}", target);
  const user = await db.user.create({ data: { email: "admin@route.test", name: "Дәурен", role: "ADMIN", passwordHash: "x" } });
  admin = { id: user.id, name: user.name, email: user.email, role: "ADMIN", active: true, locale: null };
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = sourceUrl;
  await dropDatabase(adminUrl, target);
});

describe("POST /api/backup/restore", () => {
  it("asks for a session, then for an admin, before reading the body", async () => {
    session.actor = null;
    expect((await post(backup)).status).toBe(401);
    session.actor = { ...admin, role: "EDITOR" };
    const refused = await post(backup);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "Your role does not allow this.", code: "forbidden", messageCode: "libAuth.policy.roleNotAllowed" });
    session.actor = admin;
    expect((await post(backup, { origin: "https://elsewhere.example" })).status).toBe(403);
    expect(await db.article.count()).toBe(0);
  });

  it("refuses a broken file with 422 and the line, and changes nothing", async () => {
    session.actor = admin;
    const lines = backup.trimEnd().split("\n");
    const broken = [...lines.slice(0, 3), "{not json", ...lines.slice(3)].join("\n");
    const response = await post(broken);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "malformed", line: 4, error: expect.stringMatching(/^Line 4: This line is not valid JSON/) });

    const other = await post(backup.replace('"version":1', '"version":7'));
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: "version", line: 1 });

    const empty = await post(null);
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ code: "malformed", line: 1 });
    expect([await db.article.count(), await db.user.count(), await db.auditEvent.count()]).toEqual([0, 1, 0]);
  }, RESTORES_TIMEOUT);

  it("restores a good file and answers with the counts; the same file again is a 409: the instance is not empty", async () => {
    session.actor = admin;
    const response = await post(backup);
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ counts: { claims: 1, articles: 1, users: 1 }, usersCreated: ["editor@route.test"], usersMatched: 0 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "backup.restored" } });
    expect(event).toMatchObject({ actorId: admin.id, entityId: result.sha256 });
    // The claim restored in a process of its own is still the admin's act, with the file's sha256.
    const restored = await db.auditEvent.findMany({ where: { action: "claim.restored" } });
    expect(restored).toMatchObject([{ actorId: admin.id, entityType: "Claim", after: { sha256: result.sha256, line: expect.any(Number), status: "SUBMITTED" } }]);

    const again = await post(backup);
    expect(again.status).toBe(409);
    const refused = await again.json();
    expect(refused).toMatchObject({ code: "not_empty", messageCode: "libBackup.rules.notEmpty", error: expect.stringMatching(/^This instance is not empty: it holds claims: 1, sources: 1, claim groups: 0, articles other than untouched seed articles: 1\./) });
  }, RESTORES_TIMEOUT);

  it("refuses a file over the limit from its declared length without reading it", async () => {
    session.actor = admin;
    const response = await post("{}", { "content-length": String(2 * 1024 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toContain("npm run restore -- FILE");
  });
});
