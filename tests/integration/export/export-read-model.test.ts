import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { updateClaimSchema } from "@/lib/claims/claim-schemas";
import { updateClaim } from "@/lib/claims/update-claim";
import { db } from "@/lib/db/client";
import { renderClaimReviews } from "@/lib/export/claimreview";
import { renderCsv } from "@/lib/export/csv";
import { closeExportPool, getExportPool } from "@/lib/export/export-pool";
import { exportRowBatches, type ExportRow } from "@/lib/export/export-rows";
import { renderWebAnnotations } from "@/lib/export/web-annotation";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { reopenClaimSchema } from "@/lib/review/review-schemas";
import { exportRowBatchesByBatch } from "../../support/export-rows-by-batch";
import { tagClaim } from "../review/fixtures";
import { decide, seedReviewedClaims, TRICKY_SOURCE } from "./fixtures";
import { collect } from "../../support/file-chunks";

// The read model ClaimExportDetail (migration 20261205150000_claim_export_detail) against the
// lookups it replaced: the same files byte for byte, and the same rows after every kind of write.

const BASE = "https://derek.example.kz";
const PUBLISHER = { name: "Derek", url: BASE };

let editor: Actor;
let reviewer: Actor;
let admin: Actor;
let article: { articleId: string; text: string };
let ids: Record<string, string>;

beforeAll(async () => {
  ({ editor, reviewer, admin, article, ids } = await seedReviewedClaims("read-model.test"));
});

afterAll(async () => {
  await closeExportPool();
});

type Batches = (client: Parameters<typeof exportRowBatches>[0], filter: LedgerFilter, options?: Parameters<typeof exportRowBatches>[2]) => AsyncIterable<ExportRow[]>;


/** Every format that reads export rows, written from `batches` in one snapshot. */
async function files(batches: Batches): Promise<Record<string, string>> {
  const client = await getExportPool().connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const context = { baseUrl: BASE, publisher: PUBLISHER, onClaim: () => undefined, total: 0, exportId: "0195f3a0-0000-7000-8000-00000000e001" };
    const all: LedgerFilter = {};
    const verified: LedgerFilter = { status: "VERIFIED" };
    return {
      csvAll: await collect(renderCsv(batches(client, all), context)),
      csvVerified: await collect(renderCsv(batches(client, verified, { batchSize: 2 }), context)),
      claimreview: await collect(renderClaimReviews(batches(client, verified, { withSentenceWindow: true }), context)),
      annotations: await collect(renderWebAnnotations(batches(client, all, { withTextUpToEnd: true }), context)),
    };
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

async function expectSameFiles() {
  const [readModel, lookups] = [await files(exportRowBatches), await files(exportRowBatchesByBatch)];
  for (const name of Object.keys(lookups)) expect(readModel[name], name).toBe(lookups[name]);
  return readModel;
}

const detail = (claimId: string) => db.claimExportDetail.findUnique({ where: { claimId } });

describe("exports from the read model", () => {
  it("write exactly the files the per-batch lookups wrote", async () => {
    const written = await expectSameFiles();
    // What was compared holds what it should (a guard against a thin fixture).
    expect(written.csvAll).toContain("ресми");
    expect(written.csvAll).toContain("Марат Ержанов");
    expect(written.csvAll).not.toContain(ids.deleted);
    expect(written.claimreview).toContain("Сот оны 5 жылға соттады");
    expect(written.annotations).toContain("«төрт мың», яғни\\r\\n4 000");
  });

  it("hold a row for claims stored before the migration", async () => {
    // The migration's last statement fills the table; run again, it leaves every row as it is.
    const before = await db.claimExportDetail.findMany({ orderBy: { claimId: "asc" } });
    await db.$executeRawUnsafe(`SELECT "derek_refresh_claim_export_details"(ARRAY(SELECT "claimId" FROM "ClaimSource" UNION SELECT "claimId" FROM "Review"))`);
    await db.$executeRawUnsafe(`DELETE FROM "ClaimExportDetail" WHERE "claimId" = '${ids.reapproved}'`);
    await db.$executeRawUnsafe(`SELECT "derek_refresh_claim_export_details"(ARRAY(SELECT "claimId" FROM "ClaimSource" UNION SELECT "claimId" FROM "Review"))`);
    expect(await db.claimExportDetail.findMany({ orderBy: { claimId: "asc" } })).toEqual(before);
  });
});

describe("the read model follows every write", () => {
  it("a claim's links changed by an edit", async () => {
    const claim = await db.claim.findUniqueOrThrow({ where: { id: ids.draft } });
    await updateClaim({ actor: editor, input: updateClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, category: "DETENTION_COUNT", value: "200", qualifier: "EXACT", sources: [TRICKY_SOURCE] }) });
    expect((await detail(ids.draft))?.sources).toMatchObject([{ stance: "CONTRADICTS", passage: TRICKY_SOURCE.passage, title: TRICKY_SOURCE.newSource.title }]);
    const again = await db.claim.findUniqueOrThrow({ where: { id: ids.draft } });
    await updateClaim({ actor: editor, input: updateClaimSchema.parse({ claimId: again.id, expectedVersion: again.version, category: "DETENTION_COUNT", value: "200", qualifier: "EXACT", sources: [] }) });
    expect((await detail(ids.draft))?.sources).toEqual([]);
    await expectSameFiles();
  });

  it("a source edited, in every claim that links it", async () => {
    const link = await db.claimSource.findFirstOrThrow({ where: { claimId: ids.twoSources, stance: "SUPPORTS" } });
    await db.source.update({ where: { id: link.sourceId }, data: { title: "Жоғарғы сот үкімі", accessedAt: new Date("2026-03-01") } });
    expect((await detail(ids.twoSources))?.sources).toContainEqual(expect.objectContaining({ title: "Жоғарғы сот үкімі", accessedAt: "2026-03-01" }));
    await expectSameFiles();
  });

  it("a review decision, a re-opening and a new approval", async () => {
    const verified = await db.claim.findUniqueOrThrow({ where: { id: ids.twoSources } });
    const approval = await db.review.findFirstOrThrow({ where: { claimId: verified.id, decision: "APPROVED" } });
    expect((await detail(verified.id))?.approvedAt).toEqual(approval.createdAt);
    const reopened = await reopenClaim({ actor: admin, input: reopenClaimSchema.parse({ claimId: verified.id, expectedVersion: verified.version, reason: "Сан өзгерді" }) });
    await expectSameFiles();
    const again = await decide(reviewer, reopened, { decision: "APPROVE", rating: "MISLEADING" });
    const latest = await db.review.findFirstOrThrow({ where: { claimId: verified.id, decision: "APPROVED" }, orderBy: { createdAt: "desc" } });
    expect(latest.id).not.toBe(approval.id);
    expect(await detail(again.id)).toMatchObject({ approvedAt: latest.createdAt, approvedById: reviewer.id });
    await expectSameFiles();
  });

  it("a renamed reviewer, read by id", async () => {
    await db.user.update({ where: { id: reviewer.id }, data: { name: "Марат Ержанұлы" } });
    const written = await expectSameFiles();
    expect(written.csvVerified).toContain("Марат Ержанұлы");
  });

  it("a claim deleted for good takes its row with it", async () => {
    const doomed = await tagClaim(editor, article, "200-ге жуық жұмысшысы", { category: "DETENTION_COUNT", value: "200", sources: [TRICKY_SOURCE] });
    expect(await detail(doomed.id)).not.toBeNull();
    await db.$transaction([db.claimSource.deleteMany({ where: { claimId: doomed.id } }), db.claim.delete({ where: { id: doomed.id } })]);
    expect(await detail(doomed.id)).toBeNull();
    const linked = await tagClaim(editor, article, "200-ге жуық жұмысшысы", { category: "DETENTION_COUNT", value: "200", sources: [TRICKY_SOURCE] });
    // Deleting the claim cascades to its links, whose trigger then finds no claim to refresh.
    await db.claim.delete({ where: { id: linked.id } });
    expect(await detail(linked.id)).toBeNull();
    await expectSameFiles();
  });
});
