import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import type { SessionActor } from "@/lib/auth/load-actor";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { runBackup } from "@/lib/backup/run-backup";
import { deleteClaim } from "@/lib/claims/change-claim-state";
import { db } from "@/lib/db/client";
import { closeExportPool } from "@/lib/export/export-pool";
import { sha256 } from "../export/fixtures";
import { makeActor, seedArticle, submittedClaim, tagClaim } from "../review/fixtures";

// The session is next-auth's, which needs a Next.js request; bearer tokens go through the real code.
const session = vi.hoisted(() => ({ actor: null as SessionActor | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/app/_lib/session", () => ({ currentActor: async () => session.actor }));

const { GET } = await import("@/app/api/backup/route");

let admin: Actor;
let editor: Actor;
let adminToken: string;
let editorToken: string;
let kept: string;
let deleted: string;

const get = (query = "", headers: Record<string, string> = {}) => GET(new Request(`http://localhost:3000/api/backup${query}`, { headers }));
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const exportEvents = () => db.auditEvent.count({ where: { entityType: "Export" } });

beforeAll(async () => {
  admin = await makeActor("ADMIN", "admin@backup-route.test", "Дәурен");
  editor = await makeActor("EDITOR", "editor@backup-route.test", "Әйгерім");
  const article = await seedArticle();
  kept = (await submittedClaim(editor, article, "5 жылға")).id;
  const gone = await tagClaim(editor, article, "10 жылдан астам", { category: "OTHER", value: "10" });
  deleted = (await deleteClaim({ actor: editor, ref: { claimId: gone.id, expectedVersion: gone.version } })).id;
  adminToken = (await issueApiToken({ actor: admin, input: { userId: admin.id, name: "түнгі көшірме" } })).token;
  editorToken = (await issueApiToken({ actor: admin, input: { userId: editor.id, name: "редактор" } })).token;
});

afterAll(async () => {
  await closeExportPool();
});

describe("GET /api/backup", () => {
  it("streams an admin's token a full backup, deleted claims included, and records it", async () => {
    const response = await get("", bearer(adminToken));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="derek-backup-\d{4}-\d{2}-\d{2}\.jsonl"/);
    expect(response.headers.get("x-claim-count")).toBe("2");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const records = Buffer.from(bytes).toString("utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(records[0]).toMatchObject({ type: "derek-export", filter: {}, complete: true });
    const claims = records.filter((r) => r.type === "claim");
    expect(claims.map((c) => [c.id, c.deletedAt === null])).toEqual(expect.arrayContaining([[kept, true], [deleted, false]]));
    expect(claims).toHaveLength(2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Export", entityId: response.headers.get("x-export-id")! } });
    expect(event).toMatchObject({ action: "export.created", actorId: admin.id, after: { format: "jsonl", backup: true, claims: 2, sha256: sha256(bytes) } });
  });

  it("serves an admin's session too", async () => {
    session.actor = { ...admin, name: "Дәурен", email: "admin@backup-route.test", locale: null };
    try {
      const response = await get();
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(deleted);
    } finally {
      session.actor = null;
    }
  });

  it("refuses everyone but an admin, and anyone without a session or token, before reading anything", async () => {
    const before = await exportEvents();
    const anonymous = await get();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: "unauthenticated" });
    const byToken = await get("", bearer(editorToken));
    expect(byToken.status).toBe(403);
    expect(await byToken.json()).toEqual({ error: "Your role does not allow this.", code: "forbidden", messageCode: "libAuth.policy.roleNotAllowed" });
    session.actor = { ...editor, name: "Әйгерім", email: "editor@backup-route.test", locale: null };
    try {
      expect((await get()).status).toBe(403);
    } finally {
      session.actor = null;
    }
    expect(await exportEvents()).toBe(before);
  });

  it("refuses a request that names anything, rather than ignore a filter", async () => {
    const before = await exportEvents();
    const response = await get("?status=VERIFIED", bearer(adminToken));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "bad_request", error: expect.stringContaining("/api/export") });
    expect(await exportEvents()).toBe(before);
  });

  it("is decided by the policy in the library too", async () => {
    await expect(runBackup({ actor: editor, baseUrl: "http://localhost" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
