import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { createArticle } from "@/lib/articles/create-article";
import { deleteClaim } from "@/lib/claims/change-claim-state";
import { db } from "@/lib/db/client";
import { DerekError } from "@/lib/core/errors";
import { closeExportPool, getExportPool } from "@/lib/export/export-pool";
import { loadClaimSetForExport } from "@/lib/export/export-request";
import { runExport } from "@/lib/export/run-export";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { listLedger } from "@/lib/ledger/list-ledger";
import { makeActor, seedArticle, tagClaim } from "../review/fixtures";
import { readAll, sha256, verifiedClaim } from "./fixtures";

const BASE = "https://derek.example.kz";

let editor: Actor;
let reviewer: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@export.test", "Айгүл Сәрсенова");
  reviewer = await makeActor("REVIEWER", "reviewer@export.test", "Марат Ержанов");
  const article = await seedArticle("003_f112b8e6a601b618.txt");
  ids.verifiedSentence = (await verifiedClaim(editor, reviewer, article, "5 жылға сотталған", "TRUE")).id;
  ids.verifiedWorkers = (await verifiedClaim(editor, reviewer, article, "жүзден аса жүргізуші", "MISLEADING", { category: "DETENTION_COUNT", value: "100", unit: "person", qualifier: "MORE_THAN" })).id;
  ids.verifiedYears = (await verifiedClaim(editor, reviewer, article, "10 жылдан астам", "UNVERIFIABLE", { category: "OTHER", value: "10", unit: "year" })).id;
  ids.draft = (await tagClaim(editor, article, "200-ге жуық жұмысшысы", { category: "DETENTION_COUNT", value: "200", unit: "person" })).id;
  const doomed = await verifiedClaim(editor, reviewer, article, "100 пайызға", "FALSE", { category: "OTHER", value: "100", unit: "percent" });
  // A verified claim cannot be deleted; re-open it as an admin would, then delete the draft it becomes.
  await db.claim.update({ where: { id: doomed.id }, data: { status: "DRAFT", rating: null } });
  const current = await db.claim.findUniqueOrThrow({ where: { id: doomed.id }, select: { version: true } });
  await deleteClaim({ actor: editor, ref: { claimId: doomed.id, expectedVersion: current.version } });
  ids.deleted = doomed.id;
});

afterAll(async () => {
  await closeExportPool();
});

async function exportCsv(filter: LedgerFilter, allStatuses = false) {
  const run = await runExport({ actor: editor, format: "csv", filter, allStatuses, baseUrl: BASE });
  const bytes = await readAll(run.stream);
  const summary = await run.done;
  const records: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
  return { run, bytes, summary, records };
}

describe("runExport", () => {
  it("holds exactly the ledger's verified claims by default, in the ledger's order", async () => {
    const { run, records, summary } = await exportCsv({});
    const ledger = await listLedger({ actor: editor, filter: { status: "VERIFIED" } });
    expect(records.map((r) => r.claim_id)).toEqual(ledger.rows.map((r) => r.id));
    expect(new Set(records.map((r) => r.claim_id))).toEqual(new Set([ids.verifiedSentence, ids.verifiedWorkers, ids.verifiedYears]));
    expect(run.claimCount).toBe(3);
    expect(summary.claims).toBe(3);
  });

  it("applies the filter, and every status only when asked", async () => {
    const verified = await exportCsv({ category: "DETENTION_COUNT" });
    expect(verified.records.map((r) => r.claim_id)).toEqual([ids.verifiedWorkers]);
    const all = await exportCsv({ category: "DETENTION_COUNT", sort: "value", dir: "asc" }, true);
    expect(all.records.map((r) => r.claim_id)).toEqual([ids.verifiedWorkers, ids.draft]);
    expect(all.records.map((r) => r.status)).toEqual(["VERIFIED", "DRAFT"]);
    // Deleted claims are never exported, whatever the statuses.
    const everything = await exportCsv({}, true);
    expect(everything.records.map((r) => r.claim_id)).not.toContain(ids.deleted);
    expect(everything.records).toHaveLength(4);
  });

  it("writes what the claims hold: verdict, approval and sources", async () => {
    const { records } = await exportCsv({ category: "DETENTION_COUNT" });
    expect(records[0]).toMatchObject({
      quote: "жүзден аса жүргізуші",
      verdict: "Misleading",
      rating_value: "2",
      verified_by: "Марат Ержанов",
      author: "Айгүл Сәрсенова",
      value: "100",
      qualifier: "MORE_THAN",
      sources: "supports: Сот үкімі https://example.kz/sot",
    });
    const review = await db.review.findFirstOrThrow({ where: { claimId: ids.verifiedWorkers, decision: "APPROVED" } });
    expect(records[0].verified_at).toBe(review.createdAt.toISOString());
  });

  it("records the export with its filter, count, size and the sha256 of exactly the bytes sent", async () => {
    const { run, bytes, summary } = await exportCsv({ category: "OTHER" });
    expect(summary).toEqual({ exportId: run.exportId, claims: 1, bytes: bytes.length, sha256: sha256(bytes) });
    const events = await db.auditEvent.findMany({ where: { entityType: "Export", entityId: run.exportId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "export.created", actorId: editor.id });
    expect(events[0].after).toEqual({
      format: "csv",
      filter: { category: "OTHER", status: "VERIFIED" },
      statuses: "verified",
      claims: 1,
      bytes: bytes.length,
      sha256: sha256(bytes),
    });
    expect(run.filename).toMatch(/^derek-claims-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("reads one snapshot: a claim verified while the file streams is not in it", async () => {
    const run = await runExport({ actor: editor, format: "claimreview", filter: {}, baseUrl: BASE });
    expect(run.claimCount).toBe(3);
    const article = await createArticle({ actorId: null, text: "Биыл 7 мың адам қатысты. Жаңа мәтін." });
    const late = await verifiedClaim(editor, reviewer, { articleId: article.articleId, text: "Биыл 7 мың адам қатысты. Жаңа мәтін." }, "7 мың адам", "TRUE");
    const document = JSON.parse((await readAll(run.stream)).toString("utf8"));
    expect(document["@graph"]).toHaveLength(3);
    expect(JSON.stringify(document)).not.toContain(late.id);
    expect((await run.done).claims).toBe(3);
    await db.claim.update({ where: { id: late.id }, data: { deletedAt: new Date() } });
  });

  it("rolls back, frees the connection and records a failed export when the download is cancelled", async () => {
    const run = await runExport({ actor: editor, format: "annotations", filter: {}, allStatuses: true, baseUrl: BASE });
    const reader = run.stream.getReader();
    await reader.read();
    await reader.cancel("closed the tab");
    await expect(run.done).rejects.toBeDefined();
    const events = await db.auditEvent.findMany({ where: { entityType: "Export", entityId: run.exportId } });
    expect(events.map((e) => e.action)).toEqual(["export.failed"]);
    expect(events[0].after).toMatchObject({ format: "annotations", reason: "cancelled", statuses: "all" });
    const pool = getExportPool();
    expect(pool.totalCount - pool.idleCount).toBe(0);
    // The connection came back in a usable state: the next export works.
    expect((await exportCsv({})).records).toHaveLength(3);
  });

  it("refuses before writing anything: ClaimReview of unverified claims, an impossible status, a deactivated user", async () => {
    const before = await db.auditEvent.count({ where: { entityType: "Export" } });
    await expect(runExport({ actor: editor, format: "claimreview", filter: {}, allStatuses: true, baseUrl: BASE })).rejects.toMatchObject({ kind: "invalid", code: "libExport.run.verdictsOnly", fieldErrors: { format: { code: "libExport.run.verdictsOnly" } } });
    await expect(runExport({ actor: editor, format: "csv", filter: { status: "DRAFT" }, baseUrl: BASE })).rejects.toBeInstanceOf(DerekError);
    await expect(runExport({ actor: editor, format: "xlsx", filter: {}, baseUrl: BASE })).rejects.toMatchObject({ kind: "invalid", code: "libExport.run.unknownFormat" });
    await expect(runExport({ actor: { ...editor, active: false }, format: "csv", filter: {}, baseUrl: BASE })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditEvent.count({ where: { entityType: "Export" } })).toBe(before);
    const pool = getExportPool();
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it("exports a saved claim set under its name", async () => {
    const set = await db.claimSet.create({ data: { name: "Ереуілдер 2026", filter: { category: "DETENTION_COUNT" }, ownerId: reviewer.id } });
    const { filter, name } = await loadClaimSetForExport(set.id);
    const run = await runExport({ actor: editor, format: "csv", filter, claimSet: { id: set.id, name }, baseUrl: BASE });
    const records: Record<string, string>[] = parse(await readAll(run.stream), { bom: true, columns: true });
    expect(records.map((r) => r.claim_id)).toEqual([ids.verifiedWorkers]);
    expect(run.filename).toMatch(/^derek-Ереуілдер-2026-\d{4}-\d{2}-\d{2}\.csv$/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Export", entityId: (await run.done).exportId } });
    expect(event.after).toMatchObject({ claimSet: { id: set.id, name: "Ереуілдер 2026" } });
  });

  it("refuses a missing claim set and one whose saved filter no longer reads", async () => {
    await expect(loadClaimSetForExport("0195f3a0-0000-7000-8000-000000000099")).rejects.toMatchObject({ kind: "not-found" });
    const broken = await db.claimSet.create({ data: { name: "Ескі", filter: { category: "WEATHER" }, ownerId: editor.id } });
    await expect(loadClaimSetForExport(broken.id)).rejects.toMatchObject({ kind: "unprocessable", message: expect.stringMatching(/category/) });
  });

  it("writes the JSON Lines backup format through the same run, one claim line per claim counted", async () => {
    const run = await runExport({ actor: editor, format: "jsonl", filter: {}, allStatuses: true, baseUrl: BASE });
    const lines = (await readAll(run.stream)).toString("utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
    const claims = lines.filter((record) => record.type === "claim");
    expect(claims.map((claim) => claim.id).sort()).toEqual([ids.verifiedSentence, ids.verifiedWorkers, ids.verifiedYears, ids.draft].sort());
    expect(run.claimCount).toBe(4);
    expect(await run.done).toMatchObject({ claims: 4 });
  });

  it("counts Web Annotation positions in code points where the article holds emoji", async () => {
    const text = "🔥 Жедел: 😀 Алматыда 3 мың адам жиналды. Полиция 12 адамды ұстады.";
    const article = await createArticle({ actorId: null, text });
    const claim = await verifiedClaim(editor, reviewer, { articleId: article.articleId, text }, "12 адамды", "TRUE", { category: "DETENTION_COUNT", value: "12", unit: "person" });
    const run = await runExport({ actor: editor, format: "annotations", filter: { article: article.articleId }, baseUrl: BASE });
    const collection = JSON.parse((await readAll(run.stream)).toString("utf8"));
    const [annotation] = collection.first.items;
    expect(annotation.id).toBe(`urn:uuid:${claim.id}`);
    const [quote, position] = annotation.target.selector;
    expect(quote).toMatchObject({ type: "TextQuoteSelector", exact: "12 адамды" });
    const utf16Start = text.indexOf("12 адамды");
    expect(position).toEqual({ type: "TextPositionSelector", start: utf16Start - 2, end: utf16Start - 2 + "12 адамды".length });
    expect([...text].slice(position.start, position.end).join("")).toBe("12 адамды");
    expect(collection.total).toBe(1);
    expect(collection.id).toBe(`urn:uuid:${run.exportId}`);
  });
});
