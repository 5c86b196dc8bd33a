import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import type { ClaimCategory, ClaimStatus, Qualifier, Rating } from "@/lib/generated/prisma/client";
import { decodeLedgerCursor, encodeLedgerCursor } from "@/lib/ledger/ledger-cursor";
import { LEDGER_SORTS, parseLedgerFilter, type LedgerFilter } from "@/lib/ledger/ledger-filter";
import { countLedger, LEDGER_PAGE_SIZE, listLedger } from "@/lib/ledger/list-ledger";
import { makeActor, seedArticle } from "../review/fixtures";

interface Fixture {
  id: string;
  articleId: string;
  authorId: string;
  status: ClaimStatus;
  rating: Rating | null;
  category: ClaimCategory;
  value: number | null;
  min: number | null;
  max: number | null;
  claimant: string | null;
  eventDate: string | null;
  quote: string;
  note: string | null;
  deleted: boolean;
}

const CLAIMANTS = ["ІІМ", "Адам құқықтары бюросы", "Орталық сайлау комиссиясы", "Қаңтар оқиғасы куәгері", null];
const QUOTES = ["төрт мыңға жуық адам ұсталды", "70 пайыздан астам дауыс", "мыңдаған адамды қамауға алды", "5 жылға бас бостандығынан айырды", "он пайызына жуығы"];
const CATEGORIES: ClaimCategory[] = ["DETENTION_COUNT", "VOTE_SHARE", "DETENTION_COUNT", "SENTENCE_LENGTH", "OTHER"];
const STATUSES: ClaimStatus[] = ["DRAFT", "SUBMITTED", "VERIFIED", "VERIFIED", "RETURNED", "DISPUTED"];
const RATINGS: Rating[] = ["TRUE", "MOSTLY_TRUE", "MISLEADING", "FALSE", "UNVERIFIABLE"];

let editor: Actor;
let editor2: Actor;
let reviewer: Actor;
const claims: Fixture[] = [];
let outletArticle: string;

// A deterministic spread of claims: every filter has matches and non-matches, some sort keys tie.
beforeAll(async () => {
  editor = await makeActor("EDITOR", "editor@ledger.test", "Әйгерім");
  editor2 = await makeActor("EDITOR", "editor2@ledger.test", "Бақыт");
  reviewer = await makeActor("REVIEWER", "reviewer@ledger.test", "Нұрлан");
  const first = await seedArticle("000_cfd52a1e966a8c28.txt");
  const second = await seedArticle("002_37550b50464d8635.txt");
  outletArticle = second.articleId;
  await db.article.update({ where: { id: second.articleId }, data: { outlet: "Азаттық" } });

  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 160; i++) {
    const status = STATUSES[i % STATUSES.length];
    const ranged = i % 7 === 0;
    const vague = i % 11 === 0;
    const value = vague || ranged ? null : (i * 37) % 5000;
    claims.push({
      id: "",
      articleId: i % 3 === 0 ? second.articleId : first.articleId,
      authorId: i % 4 === 0 ? editor2.id : editor.id,
      status,
      rating: status === "VERIFIED" ? RATINGS[i % RATINGS.length] : null,
      category: CATEGORIES[i % CATEGORIES.length],
      value,
      min: ranged ? i * 10 : null,
      max: ranged ? i * 10 + 500 : null,
      claimant: CLAIMANTS[i % CLAIMANTS.length],
      eventDate: i % 5 === 4 ? null : `20${10 + (i % 12)}-06-${String(1 + (i % 28)).padStart(2, "0")}`,
      quote: QUOTES[i % QUOTES.length],
      note: i % 9 === 0 ? "Ресми дерек жоқ, құқық қорғаушылар хабарлады" : null,
      deleted: i % 23 === 5,
    });
  }
  for (const [i, c] of claims.entries()) {
    const created = await db.claim.create({
      data: {
        articleId: c.articleId,
        authorId: c.authorId,
        start: 0,
        end: c.quote.length,
        quote: c.quote,
        category: c.category,
        value: c.value,
        min: c.min,
        max: c.max,
        qualifier: (c.min !== null ? "APPROXIMATELY" : "EXACT") as Qualifier,
        claimant: c.claimant,
        eventDate: c.eventDate ? new Date(`${c.eventDate}T00:00:00Z`) : null,
        note: c.note,
        status: c.status,
        rating: c.rating,
        // Pairs of claims share a creation time, so the id tie-break is exercised.
        createdAt: new Date(base + Math.floor(i / 2) * 60_000),
        deletedAt: c.deleted ? new Date() : null,
      },
    });
    c.id = created.id;
    if (c.status === "VERIFIED" && i % 2 === 0)
      await db.review.create({ data: { claimId: c.id, reviewerId: reviewer.id, decision: "APPROVED", rating: c.rating } });
  }
});

function filterOf(params: Record<string, string>): LedgerFilter {
  const parsed = parseLedgerFilter(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.filter;
}

async function allPages(filter: LedgerFilter): Promise<string[]> {
  const ids: string[] = [];
  let after = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listLedger({ actor: editor, filter, after });
    expect(page.rows.length).toBeLessThanOrEqual(LEDGER_PAGE_SIZE);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return ids;
    after = decodeLedgerCursor(page.next);
  }
  throw new Error("paging did not end");
}

const live = () => claims.filter((c) => !c.deleted);
const sorted = (ids: string[]) => [...ids].sort();

describe("the ledger's filters", () => {
  const cases: [string, Record<string, string>, (c: Fixture) => boolean][] = [
    ["status", { status: "VERIFIED" }, (c) => c.status === "VERIFIED"],
    ["verdict", { rating: "FALSE" }, (c) => c.rating === "FALSE"],
    ["category", { category: "DETENTION_COUNT" }, (c) => c.category === "DETENTION_COUNT"],
    ["author", {}, (c) => c.authorId === editor2.id],
    ["claimant, a part of the name in any case", { claimant: "сайлау" }, (c) => c.claimant === "Орталық сайлау комиссиясы"],
    ["event date range", { eventFrom: "2014-01-01", eventTo: "2016-12-31" }, (c) => c.eventDate !== null && c.eventDate >= "2014-01-01" && c.eventDate <= "2016-12-31"],
    [
      "figure range (a value inside, or a min–max range overlapping)",
      { valueMin: "1000", valueMax: "2000" },
      (c) => {
        const low = c.min ?? c.value;
        const high = c.max ?? c.value;
        return low !== null && high !== null && high >= 1000 && low <= 2000;
      },
    ],
    ["smallest figure only", { valueMin: "4500" }, (c) => (c.max ?? c.value) !== null && (c.max ?? c.value)! >= 4500],
    ["whole word, any case, with a Kazakh suffix", { q: "ҚАМАУҒА" }, (c) => c.quote.includes("қамауға")],
    ["word prefix", { q: "пайыз" }, (c) => c.quote.includes("пайыз")],
    ["fragment inside a word", { q: "ұқық" }, (c) => (c.note ?? "").includes("құқық") || (c.claimant ?? "").includes("құқық")],
    ["two words, both required", { q: "адам ұсталды" }, (c) => c.quote.includes("адам") && c.quote.includes("ұсталды")],
  ];

  for (const [name, params, expected] of cases) {
    it(`filters by ${name}`, async () => {
      const filter = filterOf(name === "author" ? { author: editor2.id } : params);
      const want = live().filter(expected).map((c) => c.id);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(live().length);
      expect(sorted(await allPages(filter))).toEqual(sorted(want));
      expect(await countLedger({ actor: editor, filter })).toEqual({ count: want.length, capped: false });
    });
  }

  it("filters by article, outlet and reviewer", async () => {
    const byArticle = live().filter((c) => c.articleId === outletArticle).map((c) => c.id);
    expect(sorted(await allPages(filterOf({ article: outletArticle })))).toEqual(sorted(byArticle));
    expect(sorted(await allPages(filterOf({ outlet: "азаттық" })))).toEqual(sorted(byArticle));
    const liveIds = new Set(live().map((c) => c.id));
    const reviewed = new Set((await db.review.findMany({ where: { reviewerId: reviewer.id } })).map((r) => r.claimId).filter((id) => liveIds.has(id)));
    expect(reviewed.size).toBeGreaterThan(0);
    expect(sorted(await allPages(filterOf({ reviewer: reviewer.id })))).toEqual(sorted([...reviewed]));
  });

  it("never lists a deleted claim", async () => {
    const ids = new Set(await allPages(filterOf({})));
    expect(ids.size).toBe(live().length);
    for (const c of claims.filter((c) => c.deleted)) expect(ids.has(c.id)).toBe(false);
  });

  it("caps the count instead of counting everything", async () => {
    expect(await countLedger({ actor: editor, filter: filterOf({}), cap: 20 })).toEqual({ count: 20, capped: true });
  });
});

describe("sorting and keyset pages", () => {
  for (const sort of LEDGER_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages through every claim once, sorted by ${sort} ${dir}, NULLs last`, async () => {
        const filter = filterOf({ sort, dir });
        const paged = await allPages(filter);
        expect(new Set(paged).size).toBe(paged.length);
        expect(sorted(paged)).toEqual(sorted(live().map((c) => c.id)));
        // The same order as one query without pages.
        const column = { created: `"createdAt"`, updated: `"updatedAt"`, eventDate: `"eventDate"`, value: `coalesce("min","value","max")`, claimant: `"claimant" COLLATE "kk-KZ-x-icu"`, category: `"category"`, status: `"status"`, rating: `"rating"` }[sort];
        const d = dir.toUpperCase();
        const whole = await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id FROM "Claim" WHERE "deletedAt" IS NULL ORDER BY ${column} ${d} NULLS LAST, id ${d}`,
        );
        expect(paged).toEqual(whole.map((r) => r.id));
      });
    }
  }

  it("refuses a page token whose key is not of the column's type", async () => {
    const forged = decodeLedgerCursor(encodeLedgerCursor({ key: "not a date", id: claims[0].id }))!;
    await expect(listLedger({ actor: editor, filter: filterOf({ sort: "eventDate" }), after: forged })).rejects.toMatchObject({ code: "libLedger.pageLinkDamaged", field: "after" });
  });

  it("answers any hand-edited key, in every order, with a page or the damaged-link refusal, never another error", async () => {
    const keys = ["not a date", "nul\u0000byte", "\ud800", "1e999999", "9".repeat(400), "BOGUS", "-infinity", "2026-02-30", "'; DROP TABLE \"Claim\"; --"];
    for (const sort of LEDGER_SORTS) {
      for (const key of keys) {
        const forged = decodeLedgerCursor(encodeLedgerCursor({ key, id: claims[0].id }));
        if (!forged) continue;
        const outcome = await listLedger({ actor: editor, filter: filterOf({ sort }), after: forged }).then(
          () => "page",
          (error: unknown) => (error instanceof DerekError && error.field === "after" ? "damaged" : error),
        );
        expect(["page", "damaged"], `${sort} after ${JSON.stringify(key)}`).toContain(outcome);
      }
    }
  });
});

describe("who may read the ledger", () => {
  it("lets every signed-in role read it, and no deactivated account", async () => {
    await expect(listLedger({ actor: reviewer, filter: filterOf({}) })).resolves.toBeTruthy();
    await expect(listLedger({ actor: { ...editor, active: false }, filter: filterOf({}) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
