import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { db } from "@/lib/db/client";
import type { ClaimCategory, ClaimStatus, ReviewDecision } from "@/lib/generated/prisma/client";
import { CLAIM_STATUSES, parseLedgerFilter, type LedgerFilter } from "@/lib/ledger/ledger-filter";
import {
  countClaimsByCategoryPerMonth,
  countClaimsByStatusPerMonth,
  countReviewerDecisionsPerWeek,
  loadLedgerStats,
  THROUGHPUT_WEEKS,
} from "@/lib/ledger/ledger-stats";
import { makeActor, seedArticle } from "../review/fixtures";

interface Fixture {
  key: string;
  createdAt: string;
  status: ClaimStatus;
  category: ClaimCategory;
  article: "first" | "second";
  deleted?: boolean;
}

// Claims in November, December, February and May: January, March and April have none and must
// still appear as zeros. Months are Almaty's (UTC+5): nov-a is still October in UTC, dec-a still
// November, and dec-b is the last second of December in Almaty.
const CLAIMS: Fixture[] = [
  { key: "nov-a", createdAt: "2025-10-31T20:30:00Z", status: "DRAFT", category: "MONEY", article: "first" },
  { key: "nov-b", createdAt: "2025-11-03T08:00:00Z", status: "VERIFIED", category: "DETENTION_COUNT", article: "second" },
  { key: "nov-c", createdAt: "2025-11-15T12:00:00Z", status: "VERIFIED", category: "DETENTION_COUNT", article: "first" },
  { key: "dec-a", createdAt: "2025-11-30T19:00:00Z", status: "SUBMITTED", category: "VOTE_SHARE", article: "first" },
  { key: "dec-b", createdAt: "2025-12-31T18:59:59Z", status: "RETURNED", category: "MONEY", article: "second" },
  { key: "dec-gone", createdAt: "2025-12-10T10:00:00Z", status: "VERIFIED", category: "MONEY", article: "first", deleted: true },
  { key: "feb-a", createdAt: "2026-02-14T09:00:00Z", status: "DISPUTED", category: "CASUALTIES", article: "second" },
  { key: "feb-b", createdAt: "2026-02-20T09:00:00Z", status: "VERIFIED", category: "MONEY", article: "first" },
  { key: "feb-c", createdAt: "2026-02-21T09:00:00Z", status: "VERIFIED", category: "MONEY", article: "first" },
  { key: "may-a", createdAt: "2026-05-02T09:00:00Z", status: "DRAFT", category: "OTHER", article: "first" },
  { key: "may-b", createdAt: "2026-05-19T09:00:00Z", status: "SUBMITTED", category: "DETENTION_COUNT", article: "second" },
];

// "Now" for the throughput chart: Wednesday 20 May 2026, so the twelve weeks are the ones starting
// on the Mondays 2 March … 18 May 2026.
const NOW = new Date("2026-05-20T12:00:00Z");

interface ReviewFixture {
  claim: string;
  reviewer: "nurlan" | "dauren";
  at: string;
  decision: ReviewDecision;
}

const REVIEWS: ReviewFixture[] = [
  // Outside the window: the last second of the Sunday before its first Monday, in Almaty.
  { claim: "nov-b", reviewer: "nurlan", at: "2026-03-01T18:59:59Z", decision: "APPROVED" },
  // The first instant of the window: Monday 00:00 in Almaty.
  { claim: "nov-c", reviewer: "nurlan", at: "2026-03-01T19:00:00Z", decision: "APPROVED" },
  { claim: "dec-b", reviewer: "dauren", at: "2026-03-04T10:00:00Z", decision: "RETURNED" },
  { claim: "feb-a", reviewer: "nurlan", at: "2026-04-07T10:00:00Z", decision: "DISPUTED" },
  { claim: "feb-b", reviewer: "nurlan", at: "2026-04-08T10:00:00Z", decision: "APPROVED" },
  { claim: "feb-c", reviewer: "dauren", at: "2026-04-09T10:00:00Z", decision: "APPROVED" },
  // Sunday night in UTC, already Monday in Almaty: the week of 13 April.
  { claim: "feb-c", reviewer: "nurlan", at: "2026-04-12T23:00:00Z", decision: "REOPENED" },
  { claim: "feb-c", reviewer: "dauren", at: "2026-05-18T00:00:00Z", decision: "APPROVED" },
  { claim: "may-b", reviewer: "nurlan", at: "2026-05-19T15:00:00Z", decision: "RETURNED" },
  // A deleted claim's decisions are not in the ledger.
  { claim: "dec-gone", reviewer: "dauren", at: "2026-04-01T10:00:00Z", decision: "APPROVED" },
];

let editor: Actor;
const reviewers: Record<ReviewFixture["reviewer"], Actor> = {} as never;
const articles: Record<Fixture["article"], string> = {} as never;
const ids: Record<string, string> = {};

beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@stats.test", "Әйгерім");
  reviewers.nurlan = await makeActor("REVIEWER", "nurlan@stats.test", "Нұрлан");
  reviewers.dauren = await makeActor("ADMIN", "dauren@stats.test", "Дәурен");
  articles.first = (await seedArticle("000_cfd52a1e966a8c28.txt")).articleId;
  articles.second = (await seedArticle("002_37550b50464d8635.txt")).articleId;
  const created = await db.claim.createManyAndReturn({
    data: CLAIMS.map((c) => ({
      articleId: articles[c.article],
      authorId: editor.id,
      start: 0,
      end: 4,
      quote: `${c.key} мың`,
      category: c.category,
      status: c.status,
      createdAt: new Date(c.createdAt),
      deletedAt: c.deleted ? new Date(c.createdAt) : null,
    })),
    select: { id: true, quote: true },
  });
  for (const row of created) ids[row.quote.split(" ")[0]] = row.id;
  await db.review.createMany({
    data: REVIEWS.map((r) => ({ claimId: ids[r.claim], reviewerId: reviewers[r.reviewer].id, decision: r.decision, createdAt: new Date(r.at) })),
  });
});

function filterOf(params: Record<string, string>): LedgerFilter {
  const parsed = parseLedgerFilter(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.filter;
}

/** An instant as Almaty's clock reads it (UTC+5 throughout these dates), "2026-03-02T04:59:59.000Z". */
const almaty = (at: string) => new Date(Date.parse(at) + 5 * 3600_000).toISOString();

/** The expected per-month counts, read from the fixtures independently of the SQL. */
function expectedPerMonth<K extends string>(claims: Fixture[], keyOf: (c: Fixture) => K, keys: readonly K[]) {
  const live = claims.filter((c) => !c.deleted);
  if (live.length === 0) return [];
  const months = live.map((c) => almaty(c.createdAt).slice(0, 7)).sort();
  const result: Record<string, number | string>[] = [];
  for (let [y, m] = months[0].split("-").map(Number); `${y}-${String(m).padStart(2, "0")}` <= months.at(-1)!; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    const row: Record<string, number | string> = { month };
    for (const key of keys) row[key] = live.filter((c) => almaty(c.createdAt).startsWith(month) && keyOf(c) === key).length;
    result.push(row);
  }
  return result;
}

describe("claims per month", () => {
  it("counts every live claim by status and by category, months without claims as zeros", async () => {
    const filter = filterOf({});
    const byStatus = await countClaimsByStatusPerMonth({ actor: editor, filter });
    const byCategory = await countClaimsByCategoryPerMonth({ actor: editor, filter });
    expect(byStatus).toEqual(expectedPerMonth(CLAIMS, (c) => c.status, CLAIM_STATUSES));
    expect(byCategory).toEqual(expectedPerMonth(CLAIMS, (c) => c.category, CLAIM_CATEGORIES));
    // Spelled out once, so a mistake shared by the SQL and the reading above would still show.
    expect(byStatus.map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
    expect(byStatus[0]).toEqual({ month: "2025-11", DRAFT: 1, SUBMITTED: 0, RETURNED: 0, DISPUTED: 0, VERIFIED: 2 });
    expect(byStatus[2]).toEqual({ month: "2026-01", DRAFT: 0, SUBMITTED: 0, RETURNED: 0, DISPUTED: 0, VERIFIED: 0 });
    expect(byCategory[1]).toMatchObject({ month: "2025-12", VOTE_SHARE: 1, MONEY: 1 });
    expect(byCategory[3]).toMatchObject({ month: "2026-02", MONEY: 2, CASUALTIES: 1 });
  });

  it("counts only the claims the ledger filter matches, over their own months", async () => {
    const second = filterOf({ article: articles.second });
    const seconds = CLAIMS.filter((c) => c.article === "second");
    expect(await countClaimsByStatusPerMonth({ actor: editor, filter: second })).toEqual(expectedPerMonth(seconds, (c) => c.status, CLAIM_STATUSES));

    const money = await countClaimsByCategoryPerMonth({ actor: editor, filter: filterOf({ category: "MONEY" }) });
    const moneys = CLAIMS.filter((c) => c.category === "MONEY");
    expect(money).toEqual(expectedPerMonth(moneys, (c) => c.category, CLAIM_CATEGORIES));
    expect(money.map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);

    const verified = await countClaimsByCategoryPerMonth({ actor: editor, filter: filterOf({ status: "VERIFIED" }) });
    expect(verified).toEqual(expectedPerMonth(CLAIMS.filter((c) => c.status === "VERIFIED"), (c) => c.category, CLAIM_CATEGORIES));
  });

  it("is empty when nothing matches", async () => {
    const filter = filterOf({ category: "SEAT_COUNT" });
    expect(await countClaimsByStatusPerMonth({ actor: editor, filter })).toEqual([]);
    expect(await countClaimsByCategoryPerMonth({ actor: editor, filter })).toEqual([]);
  });
});

/** Monday (in Almaty) of the week an instant falls in, "YYYY-MM-DD". */
function mondayOf(at: string): string {
  const day = new Date(`${almaty(at).slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

describe("reviewer throughput", () => {
  it("counts each reviewer's decisions per week over the last twelve weeks", async () => {
    const throughput = await countReviewerDecisionsPerWeek({ actor: editor, filter: filterOf({}), now: NOW });
    expect(throughput.weeks).toHaveLength(THROUGHPUT_WEEKS);
    expect(throughput.weeks[0]).toBe("2026-03-02");
    expect(throughput.weeks.at(-1)).toBe("2026-05-18");

    const inWindow = REVIEWS.filter((r) => almaty(r.at) >= "2026-03-02" && r.claim !== "dec-gone");
    for (const name of ["nurlan", "dauren"] as const) {
      const expected = throughput.weeks.map((week) => inWindow.filter((r) => r.reviewer === name && mondayOf(r.at) === week).length);
      expect(throughput.counts[reviewers[name].id], name).toEqual(expected);
    }
    expect(throughput.counts[reviewers.nurlan.id]).toEqual([1, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 1]);
    expect(throughput.counts[reviewers.dauren.id]).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(throughput.reviewers).toEqual([
      { id: reviewers.nurlan.id, name: "Нұрлан", total: 5 },
      { id: reviewers.dauren.id, name: "Дәурен", total: 3 },
    ]);
  });

  it("counts only decisions on claims the filter matches", async () => {
    const throughput = await countReviewerDecisionsPerWeek({ actor: editor, filter: filterOf({ article: articles.second }), now: NOW });
    // dec-b (Dauren, 4 March), feb-a (Nurlan, 7 April), may-b (Nurlan, 19 May).
    expect(throughput.counts[reviewers.nurlan.id]).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(throughput.counts[reviewers.dauren.id]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("keeps all twelve weeks when no reviewer decided anything in them", async () => {
    const throughput = await countReviewerDecisionsPerWeek({ actor: editor, filter: filterOf({}), now: new Date("2027-01-01T00:00:00Z") });
    expect(throughput.weeks).toHaveLength(THROUGHPUT_WEEKS);
    expect(throughput.reviewers).toEqual([]);
    expect(throughput.counts).toEqual({});
  });
});

describe("access", () => {
  it("loads all three series together for anyone who may read the ledger, and refuses a deactivated account", async () => {
    const stats = await loadLedgerStats({ actor: reviewers.nurlan, filter: filterOf({}), now: NOW });
    expect(stats.byStatus).toHaveLength(7);
    expect(stats.byCategory).toHaveLength(7);
    expect(stats.throughput.reviewers).toHaveLength(2);
    await expect(loadLedgerStats({ actor: { ...editor, active: false }, filter: filterOf({}) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
