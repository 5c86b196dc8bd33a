import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { SessionActor } from "@/lib/auth/load-actor";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { MAX_LINE_BYTES } from "@/lib/backup/read-lines";
import { db, disconnectDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { plainTextToDoc } from "@/lib/document/plain-text";
import { SEED_TEXTS_DIR } from "../../support/paths";
import { dropDatabase, TEMPLATE_DATABASE } from "../../support/test-postgres";

// Hostile restore files posted to the real route: each is refused with its line and the rule,
// nothing is stored, and the server's event loop keeps turning meanwhile (the restore runs in a
// process of its own). The big files are generated here, never committed.

const session = vi.hoisted(() => ({ actor: null as SessionActor | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/app/_lib/session", () => ({ currentActor: async () => session.actor }));
const { POST } = await import("@/app/api/backup/restore/route");

const adminUrl = inject("postgresAdminUrl");
const urlTemplate = inject("postgresUrlTemplate");
const sourceUrl = process.env.DATABASE_URL!;
const databases: string[] = [];
const MB = 1024 * 1024;

const header = JSON.stringify({ type: "derek-export", version: 1, exportedAt: "2026-11-27T09:00:00.000Z", filter: {}, complete: true });
const trailer = (counts: Record<string, number>) =>
  JSON.stringify({ type: "end", claims: 0, users: 0, articles: 0, revisions: 0, sources: 0, groups: 0, reviews: 0, comments: 0, exclusions: 0, ...counts });

async function useEmptyInstance(): Promise<SessionActor> {
  const name = `derek_test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name, TEMPLATE_DATABASE);
  databases.push(name);
  await disconnectDb();
  process.env.DATABASE_URL = urlTemplate.replace("{db}", name);
  const user = await db.user.create({ data: { email: `admin-${name}@hostile.test`, name: "Дәурен", role: "ADMIN", passwordHash: "x" } });
  return { id: user.id, name: user.name, email: user.email, role: "ADMIN", active: true, locale: null };
}

function post(body: BodyInit | null) {
  return POST(new Request("http://derek.test/api/backup/restore", { method: "POST", body, headers: { host: "derek.test" }, duplex: "half" } as RequestInit));
}

/** A body generated as it is sent: `chunks` of 1 MB after `head`, counted as they are pulled. */
function generated(head: string, chunks: number, byte = 0x61) {
  const block = new Uint8Array(MB).fill(byte);
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(head));
    },
    pull(controller) {
      if (pulled.chunks === chunks) return controller.close();
      pulled.chunks++;
      controller.enqueue(block);
    },
  });
  return { stream, pulled };
}

/** The longest the event loop stalled (ms) while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const result = await work();
    return { result, stallMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

async function stored() {
  const [articles, claims, reviews, events, suggestions] = await Promise.all([
    db.article.count(), db.claim.count(), db.review.count(), db.auditEvent.count(), db.claimSuggestion.count(),
  ]);
  return { articles, claims, reviews, events, suggestions };
}
const NOTHING = { articles: 0, claims: 0, reviews: 0, events: 0, suggestions: 0 };

/** A valid file of one long article (its text and document) with its first revision. */
async function longArticleFile(chars: number): Promise<string> {
  const seed = await readFile(path.join(SEED_TEXTS_DIR, "001_297095da23eb7edd.txt"), "utf8");
  let text = "";
  while (text.length < chars) text += seed;
  const hash = createHash("sha256").update(text).digest("hex");
  const id = "0194d1c4-5b6a-7c2e-8f00-00000000a001";
  const at = "2026-11-27T08:00:00.000Z";
  const body = { bodyJson: plainTextToDoc(text), bodyText: text, contentHash: hash };
  const article = { type: "article", id, title: "Ұзын мақала", outlet: null, sourceUrl: null, publishedAt: null, language: "kk", ...body, revision: 1, createdById: null, createdAt: at, updatedAt: at, dismissedSuggestions: [] };
  const revision = { type: "revision", id: "0194d1c4-5b6a-7c2e-8f00-00000000a002", articleId: id, revision: 1, ...body, createdById: null, createdAt: at };
  return [header, JSON.stringify(article), JSON.stringify(revision), trailer({ articles: 1, revisions: 1 })].join("\n");
}

let admin: SessionActor;

beforeAll(async () => {
  admin = await useEmptyInstance();
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = sourceUrl;
  for (const name of databases) await dropDatabase(adminUrl, name);
});

describe("a hostile restore file posted to the route", () => {
  it("is refused at a line longer than the limit, generated endless, with nothing stored and the server answering", async () => {
    session.actor = admin;
    const { stream } = generated(`${header}\n{"type":"user","name":"`, MAX_LINE_BYTES / MB + 16);
    const { result: response, stallMs } = await longestStall(() => post(stream));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: "malformed",
      line: 2,
      messageCode: "libBackup.parse.lineTooLong",
      error: `Line 2: This line is longer than ${MAX_LINE_BYTES / MB} MB; it is not a record of a Derek export. Nothing was restored.`,
    });
    expect(await stored()).toEqual(NOTHING);
    console.info(`huge line (${MAX_LINE_BYTES / MB + 16} MB): longest event-loop stall ${stallMs.toFixed(0)} ms`);
    expect(stallMs).toBeLessThan(1000);
  }, 180_000);

  it("is refused at a record nested 100,000 deep, not with a server error", async () => {
    session.actor = admin;
    const deep = `{"type":"user","id":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const response = await post([header, deep, trailer({ users: 1 })].join("\n"));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "malformed", line: 2, error: expect.stringContaining("This record nests deeper than 1000 levels") });
    expect(await stored()).toEqual(NOTHING);
  }, 120_000);

  it("restores a long article without stalling the server, where the same restore in its process stalls it", async () => {
    // Long, as articles go (an import of 2 MB can make one of 2 million characters).
    const file = await longArticleFile(600_000);
    session.actor = admin;
    const viaRoute = await longestStall(() => post(file));
    expect(viaRoute.result.status).toBe(200);
    expect(await db.article.count()).toBe(1);

    const other = await useEmptyInstance();
    const inProcess = await longestStall(() => restoreBackup({ actor: other, input: file }));
    expect(inProcess.result.counts.articles).toBe(1);
    console.info(`long article: longest stall via the route ${viaRoute.stallMs.toFixed(0)} ms, restored in the server's process ${inProcess.stallMs.toFixed(0)} ms`);
    // Compared in the same run, as timings on a shared machine are noisy.
    expect(viaRoute.stallMs * 3).toBeLessThan(inProcess.stallMs);
  }, 300_000);

  it("is refused with 409 without reading the upload when the instance is not empty", async () => {
    session.actor = await useEmptyInstance();
    await db.source.create({ data: { url: "https://gov.kz/a", kind: "OFFICIAL_STATEMENT" } });
    const { stream, pulled } = generated(`${header}\n`, 64);
    const response = await post(stream);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: "not_empty",
      messageCode: "libBackup.rules.notEmpty",
      error: expect.stringMatching(/^This instance is not empty: it holds claims: 0, sources: 1, claim groups: 0, articles other than untouched seed articles: 0\./),
    });
    expect(pulled.chunks).toBeLessThan(2);
    expect(await stored()).toEqual(NOTHING);
  });
});
