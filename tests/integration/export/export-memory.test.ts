import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { closeExportPool } from "@/lib/export/export-pool";
import { runExport } from "@/lib/export/run-export";
import { makeActor, seedArticle } from "../review/fixtures";

const BIG = 100_000;
const SMALL = 10_000;
const MB = 2 ** 20;

// A full collection on demand, so what the export keeps alive can be told from garbage the
// collector has not reached yet (how much of that piles up depends on the machine's load).
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** File bytes between two measurements of live memory: about 20 in a 100,000-claim export. */
const LIVE_EVERY_BYTES = 4 * 2 ** 20;

let editor: Actor;
let bigArticle: string;
let smallArticle: string;

/**
 * `count` verified claims on one article, each with an approving review and two sources, in three
 * set-based statements: what an export reads for a claim is all there, at no per-claim cost here.
 */
async function insertVerifiedClaims(articleId: string, count: number, authorId: string, reviewerId: string) {
  await db.$executeRawUnsafe(
    `INSERT INTO "Claim" (id, "articleId", start, "end", quote, prefix, suffix, category, value, unit, qualifier, claimant,
                          "eventDate", note, status, rating, "authorId", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 10, 27, 'Алматыда ' || i || ' адам ұсталды', 'Полиция хабарлауынша, ', ', деді ол.',
            'DETENTION_COUNT', i, 'person', 'APPROXIMATELY', 'ІІМ баспасөз қызметі, "ресми" дерек',
            DATE '2026-01-01' + (i % 365), CASE WHEN i % 10 = 0 THEN 'Екі жолдық' || E'\\n' || 'ескертпе, үтірмен' END,
            'VERIFIED', (ARRAY['TRUE','MOSTLY_TRUE','MISLEADING','FALSE','UNVERIFIABLE']::"Rating"[])[1 + i % 5], $2::uuid,
            now() - i * interval '1 second', now()
       FROM generate_series(1, $3::int) AS i`,
    articleId,
    authorId,
    count,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Review" (id, "claimId", "reviewerId", decision, rating)
     SELECT gen_random_uuid(), c.id, $2::uuid, 'APPROVED', c.rating FROM "Claim" c WHERE c."articleId" = $1::uuid`,
    articleId,
    reviewerId,
  );
  await db.$executeRawUnsafe(
    `WITH s AS (
       INSERT INTO "Source" (id, url, title, kind, "updatedAt")
       VALUES (gen_random_uuid(), 'https://polisia.kz/' || $1, 'ІІМ хабарламасы', 'OFFICIAL_STATEMENT', now()),
              (gen_random_uuid(), 'https://azattyq.org/' || $1, 'Азаттық репортажы', 'MEDIA_REPORT', now())
       RETURNING id)
     INSERT INTO "ClaimSource" ("claimId", "sourceId", stance, passage)
     SELECT c.id, s.id, 'SUPPORTS', '«' || c.value || ' адам»' FROM "Claim" c CROSS JOIN s WHERE c."articleId" = $1::uuid`,
    articleId,
  );
}

/**
 * Exports the article's claims, reading the stream as a download does and keeping none of it.
 * Measured from just before the export: the live heap after a full collection every
 * LIVE_EVERY_BYTES of file (what the export holds), and the peak heap and RSS sampled meanwhile.
 */
async function measureExport(format: string, articleId: string) {
  collectGarbage();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  let peakLive = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  };
  const timer = setInterval(sample, 5);
  try {
    const run = await runExport({ actor: editor, format, filter: { article: articleId }, baseUrl: "https://derek.example.kz" });
    const reader = run.stream.getReader();
    let bytes = 0;
    let measuredAt = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      sample();
      if (bytes - measuredAt >= LIVE_EVERY_BYTES) {
        measuredAt = bytes;
        collectGarbage();
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      }
    }
    const summary = await run.done;
    return {
      claims: summary.claims,
      bytes,
      liveGrowth: (peakLive - before.heapUsed) / MB,
      heapGrowth: (peakHeap - before.heapUsed) / MB,
      rssGrowth: (peakRss - before.rss) / MB,
    };
  } finally {
    clearInterval(timer);
  }
}

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@memory.test", "Редактор");
  const reviewer = await makeActor("REVIEWER", "reviewer@memory.test", "Тексеруші");
  bigArticle = (await seedArticle("001_297095da23eb7edd.txt")).articleId;
  smallArticle = (await seedArticle("002_37550b50464d8635.txt")).articleId;
  await insertVerifiedClaims(bigArticle, BIG, editor.id, reviewer.id);
  await insertVerifiedClaims(smallArticle, SMALL, editor.id, reviewer.id);
  await db.$executeRawUnsafe(`ANALYZE "Claim"; ANALYZE "Review"; ANALYZE "ClaimSource"`);
}, 300_000);

afterAll(async () => {
  await closeExportPool();
});

describe("export memory", () => {
  it.each(["csv", "claimreview", "annotations"])(
    "%s: 100,000 claims stream in flat memory, no more than 10,000 do",
    async (format) => {
      const small = await measureExport(format, smallArticle);
      const big = await measureExport(format, bigArticle);
      const show = (m: typeof big) => `live +${m.liveGrowth.toFixed(1)} MB, heap +${m.heapGrowth.toFixed(1)} MB, RSS +${m.rssGrowth.toFixed(1)} MB`;
      console.log(`${format}: ${BIG} claims (${(big.bytes / MB).toFixed(0)} MB) ${show(big)}; ${SMALL} claims ${show(small)}`);
      expect(small.claims).toBe(SMALL);
      expect(big.claims).toBe(BIG);
      // The files are 70–130 MB: holding one, or a growing part of one, breaks every bound below.
      expect(big.bytes).toBeGreaterThan(50 * MB);
      // What the export keeps alive is a batch or two, whatever the count.
      expect(big.liveGrowth).toBeLessThan(30);
      expect(big.liveGrowth).toBeLessThan(small.liveGrowth + 10);
      // Peaks, garbage included (collected at least every LIVE_EVERY_BYTES here).
      expect(big.heapGrowth).toBeLessThan(100);
      expect(big.rssGrowth).toBeLessThan(100);
    },
    300_000,
  );
});
