import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import type { SessionActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { closeExportPool } from "@/lib/export/export-pool";
import { makeActor, seedArticle } from "../review/fixtures";
import { sha256, verifiedClaim } from "./fixtures";

// The route reads the signed-in user from next-auth's session, which needs a Next.js request; here
// the test decides who is signed in (or nobody), and bearer tokens go through the real code.
const session = vi.hoisted(() => ({ actor: null as SessionActor | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/app/_lib/session", () => ({ currentActor: async () => session.actor }));

const { GET } = await import("@/app/api/export/route");

let admin: Actor;
let editor: Actor;
let editorSession: SessionActor;
let token: string;
let claimId: string;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = "https://derek.example.kz";
  admin = await makeActor("ADMIN", "admin@route.test", "Әкімші");
  editor = await makeActor("EDITOR", "editor@route.test", "Айгүл");
  const reviewer = await makeActor("REVIEWER", "reviewer@route.test", "Марат");
  editorSession = { ...editor, name: "Айгүл", email: "editor@route.test", locale: null };
  const article = await seedArticle("003_f112b8e6a601b618.txt");
  claimId = (await verifiedClaim(editor, reviewer, article, "5 жылға сотталған", "MOSTLY_TRUE")).id;
  token = (await issueApiToken({ actor: admin, input: { userId: editor.id, name: "тест" } })).token;
});

afterAll(async () => {
  await closeExportPool();
  delete process.env.NEXTAUTH_URL;
});

const get = (query: string, headers: Record<string, string> = {}) => GET(new Request(`http://localhost:3000/api/export?${query}`, { headers }));
const bearer = (value = token) => ({ Authorization: `Bearer ${value}` });

describe("GET /api/export", () => {
  it("streams the file to a token holder as an attachment, with the claim count", async () => {
    const response = await get("format=csv&category=SENTENCE_LENGTH", bearer());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="derek-claims-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''derek-claims-/);
    expect(response.headers.get("x-claim-count")).toBe("1");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const records: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
    expect(records.map((r) => r.claim_id)).toEqual([claimId]);
    expect(records[0].claim_url).toBe(`https://derek.example.kz/review/${claimId}`);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Export", entityId: response.headers.get("x-export-id")! } });
    expect(event).toMatchObject({ action: "export.created", actorId: editor.id, after: { sha256: sha256(bytes), claims: 1 } });
  });

  it("serves a signed-in user by session", async () => {
    session.actor = editorSession;
    try {
      const response = await get("format=claimreview");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
      const document = JSON.parse(await response.text());
      expect(document["@graph"].map((r: { url: string }) => r.url)).toEqual([`https://derek.example.kz/review/${claimId}`]);
    } finally {
      session.actor = null;
    }
  });

  it("answers 401 without a session or with a bad, revoked or deactivated user's token", async () => {
    const anonymous = await get("format=csv");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: "unauthenticated", error: expect.stringMatching(/Bearer/) });
    for (const header of [bearer("derek_nonsense"), { Authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }, { Authorization: "Bearer" }]) {
      const response = await get("format=csv", header);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const revoked = await issueApiToken({ actor: admin, input: { userId: editor.id, name: "қайтарылатын" } });
    await revokeApiToken({ actor: admin, input: { tokenId: revoked.id } });
    expect((await get("format=csv", bearer(revoked.token))).status).toBe(401);
    const leaver = await makeActor("EDITOR", "leaver@route.test", "Кетуші");
    const leaverToken = await issueApiToken({ actor: admin, input: { userId: leaver.id, name: "кетушінікі" } });
    await db.user.update({ where: { id: leaver.id }, data: { active: false } });
    expect((await get("format=csv", bearer(leaverToken.token))).status).toBe(401);
  });

  it("does not fall back to the session when a token is sent and wrong", async () => {
    session.actor = editorSession;
    try {
      expect((await get("format=csv", bearer("derek_nonsense"))).status).toBe(401);
    } finally {
      session.actor = null;
    }
  });

  it("answers 403 when the policy refuses", async () => {
    session.actor = { ...editorSession, active: false };
    try {
      const response = await get("format=csv");
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "forbidden" });
    } finally {
      session.actor = null;
    }
  });

  it.each([
    ["format=xlsx", 400, "format"],
    ["category=TURNOUT", 400, "format"],
    ["format=csv&category=WEATHER", 400, "category"],
    ["format=csv&valueMin=көп", 400, "valueMin"],
    ["format=csv&status=DRAFT", 400, "status"],
    ["format=claimreview&statuses=all", 400, "format"],
    ["format=csv&colour=red", 400, "colour"],
    ["format=csv&set=0195f3a0-0000-7000-8000-0000000000aa", 404, "set"],
  ])("refuses %s with %i and a message on the field", async (query, status, field) => {
    const before = await db.auditEvent.count({ where: { entityType: "Export" } });
    const response = await get(query, bearer());
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error).toEqual(expect.any(String));
    expect(body.fieldErrors[field]).toEqual(expect.any(String));
    expect(await db.auditEvent.count({ where: { entityType: "Export" } })).toBe(before);
  });

  it("exports a saved set by id, named after it", async () => {
    const set = await db.claimSet.create({ data: { name: "Соттар", filter: { category: "SENTENCE_LENGTH" }, ownerId: editor.id } });
    const response = await get(`format=annotations&set=${set.id}`, bearer());
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get("content-disposition")!.split("UTF-8''")[1])).toMatch(/^derek-Соттар-\d{4}-\d{2}-\d{2}\.annotations\.jsonld$/);
    const collection = JSON.parse(await response.text());
    expect(collection.first.items.map((a: { id: string }) => a.id)).toEqual([`urn:uuid:${claimId}`]);
  });
});
