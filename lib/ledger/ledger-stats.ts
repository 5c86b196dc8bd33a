import { authorize, type Actor } from "@/lib/auth/policy";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { NEWSROOM_TIME_ZONE } from "@/lib/i18n/format";
import { CLAIM_STATUSES, type LedgerFilter } from "./ledger-filter";
import { ledgerWhereSql } from "./ledger-sql";

type ClaimStatus = (typeof CLAIM_STATUSES)[number];
type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];

/** One month ("2026-03", Almaty time) with a count per key; every key is present, zeros included. */
export type MonthCounts<K extends string> = { month: string } & Record<K, number>;

export interface ReviewerThroughput {
  /** The weeks shown, oldest first: the Monday (Almaty time) each starts on, "2026-03-02". */
  weeks: string[];
  /** Reviewers with at least one decision in those weeks, busiest first. */
  reviewers: { id: string; name: string; total: number }[];
  /** Decisions per week (same order as `weeks`) per reviewer id; zeros included. */
  counts: Record<string, number[]>;
}

export interface LedgerStats {
  byStatus: MonthCounts<ClaimStatus>[];
  byCategory: MonthCounts<ClaimCategory>[];
  throughput: ReviewerThroughput;
}

/** Twelve weeks: a quarter, long enough to see a reviewer's holiday, short enough to read per week. */
export const THROUGHPUT_WEEKS = 12;

interface StatsOptions {
  actor: Actor;
  filter: LedgerFilter;
}

// Months and weeks are cut in the newsroom's time zone, in which every time is shown (formatMoment):
// in UTC, a claim made after midnight on the 1st in Almaty would count for the month before.
// The zone is a constant of the code, written into the text so GROUP BY sees one expression.
const ZONE = Prisma.raw(`'${NEWSROOM_TIME_ZONE}'`);
const CLAIM_MONTH = Prisma.sql`date_trunc('month', c."createdAt" AT TIME ZONE ${ZONE})`;

/**
 * Claims matching the filter per month of creation, one count per value of `column`, from the
 * first month with a matching claim to the last, months without one included as zeros (a gap in
 * the bars is a fact worth seeing, not a missing row). Empty when nothing matches.
 */
async function countPerMonth<K extends string>(filter: LedgerFilter, column: Prisma.Sql, type: Prisma.Sql, keys: readonly K[]): Promise<MonthCounts<K>[]> {
  // A key names a result column, so it is an identifier in the SQL text: the keys are the schema's
  // enum values, never input. As a value compared with the column it travels as a parameter.
  const counted = Prisma.join(
    keys.map((key) => Prisma.sql`count(*) FILTER (WHERE c.${column} = ${key}::${type})::int AS ${Prisma.raw(`"${key}"`)}`),
    ",\n           ",
  );
  const filled = Prisma.join(keys.map((key) => Prisma.raw(`coalesce(n."${key}", 0) AS "${key}"`)), ", ");
  const rows = await readDb.$queryRaw<MonthCounts<K>[]>(
    Prisma.sql`WITH n AS (
       SELECT ${CLAIM_MONTH} AS month,
           ${counted}
         FROM "Claim" c
        WHERE ${ledgerWhereSql(filter)}
        GROUP BY 1
     )
     SELECT to_char(m.month, 'YYYY-MM') AS month, ${filled}
       FROM generate_series((SELECT min(month) FROM n), (SELECT max(month) FROM n), interval '1 month') AS m(month)
       LEFT JOIN n ON n.month = m.month
      ORDER BY m.month`,
  );
  return rows;
}

/** Matching claims per month of creation and status. */
export async function countClaimsByStatusPerMonth({ actor, filter }: StatsOptions): Promise<MonthCounts<ClaimStatus>[]> {
  authorize(actor, "ledger.read");
  return countPerMonth(filter, Prisma.sql`"status"`, Prisma.sql`"ClaimStatus"`, CLAIM_STATUSES);
}

/** Matching claims per month of creation and category. */
export async function countClaimsByCategoryPerMonth({ actor, filter }: StatsOptions): Promise<MonthCounts<ClaimCategory>[]> {
  authorize(actor, "ledger.read");
  return countPerMonth(filter, Prisma.sql`"category"`, Prisma.sql`"ClaimCategory"`, CLAIM_CATEGORIES);
}

/**
 * Review decisions (approve, return, dispute, re-open: every Review row) on claims matching the
 * filter, per reviewer and per week, over the `THROUGHPUT_WEEKS` weeks ending with the week of
 * `now` (the current one, still in progress).
 */
export async function countReviewerDecisionsPerWeek({ actor, filter, now = new Date() }: StatsOptions & { now?: Date }): Promise<ReviewerThroughput> {
  authorize(actor, "ledger.read");
  const thisWeek = Prisma.sql`date_trunc('week', ${now.toISOString()}::timestamptz AT TIME ZONE ${ZONE})`;
  const first = Prisma.sql`(${thisWeek} - ${THROUGHPUT_WEEKS - 1}::int * interval '1 week')`;
  // The time range is on Review's own column, so the claim filter is joined to at most twelve
  // weeks of decisions rather than the decisions joined to every matching claim. Weeks without a
  // decision come back as one row with no reviewer, so the axis always has all twelve.
  const rows = await readDb.$queryRaw<{ week: string; reviewerId: string | null; name: string | null; n: number }[]>(
    Prisma.sql`WITH w AS (
       SELECT generate_series(${first}, ${thisWeek}, interval '1 week') AS week
     ), d AS (
       SELECT r."reviewerId", date_trunc('week', r."createdAt" AT TIME ZONE ${ZONE}) AS week, count(*)::int AS n
         FROM "Review" r
         JOIN "Claim" c ON c.id = r."claimId"
        WHERE r."createdAt" >= ${first} AT TIME ZONE ${ZONE}
          AND r."createdAt" < (${thisWeek} + interval '1 week') AT TIME ZONE ${ZONE}
          AND ${ledgerWhereSql(filter)}
        GROUP BY 1, 2
     )
     SELECT to_char(w.week, 'YYYY-MM-DD') AS week, d."reviewerId", u.name, coalesce(d.n, 0) AS n
       FROM w
       LEFT JOIN d ON d.week = w.week
       LEFT JOIN "User" u ON u.id = d."reviewerId"
      ORDER BY w.week`,
  );
  const weeks = [...new Set(rows.map((row) => row.week))];
  const counts: Record<string, number[]> = {};
  const reviewers = new Map<string, { id: string; name: string; total: number }>();
  for (const row of rows) {
    if (row.reviewerId === null) continue;
    (counts[row.reviewerId] ??= weeks.map(() => 0))[weeks.indexOf(row.week)] = row.n;
    const reviewer = reviewers.get(row.reviewerId) ?? { id: row.reviewerId, name: row.name ?? "", total: 0 };
    reviewer.total += row.n;
    reviewers.set(row.reviewerId, reviewer);
  }
  return {
    weeks,
    reviewers: [...reviewers.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "kk")),
    counts,
  };
}

/** The ledger's three charts for a filter, read concurrently. */
export async function loadLedgerStats(options: StatsOptions & { now?: Date }): Promise<LedgerStats> {
  authorize(options.actor, "ledger.read");
  const [byStatus, byCategory, throughput] = await Promise.all([
    countClaimsByStatusPerMonth(options),
    countClaimsByCategoryPerMonth(options),
    countReviewerDecisionsPerWeek(options),
  ]);
  return { byStatus, byCategory, throughput };
}
