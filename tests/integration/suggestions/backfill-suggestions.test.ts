import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { db } from "@/lib/db/client";
import { backfillSuggestions } from "@/lib/suggestions/backfill-suggestions";
import { SEED_TEXTS_DIR } from "../../support/paths";

describe("backfillSuggestions", () => {
  it("fills in suggestions for articles stored before suggestions existed, once, keeping other articles' rows", async () => {
    const seed = await readFile(path.join(SEED_TEXTS_DIR, "002_37550b50464d8635.txt"), "utf8");
    const old = await createArticle({ actorId: null, text: seed });
    const current = await createArticle({ actorId: null, text: `${seed}\nСоңғы жол.` });
    const expected = await db.claimSuggestion.findMany({ where: { articleId: old.articleId }, select: { start: true, end: true, text: true, value: true }, orderBy: { start: "asc" } });
    const untouched = await db.claimSuggestion.findMany({ where: { articleId: current.articleId }, orderBy: { start: "asc" } });
    // As a database seeded before this change would have it.
    await db.claimSuggestion.deleteMany({ where: { articleId: old.articleId } });

    expect(await backfillSuggestions()).toEqual({ articlesBackfilled: 1, articlesRanked: 0 });
    const filled = await db.claimSuggestion.findMany({ where: { articleId: old.articleId }, select: { start: true, end: true, text: true, value: true }, orderBy: { start: "asc" } });
    expect(filled).toEqual(expected);
    expect(await db.claimSuggestion.findMany({ where: { articleId: current.articleId }, orderBy: { start: "asc" } })).toEqual(untouched);

    expect(await backfillSuggestions()).toEqual({ articlesBackfilled: 0, articlesRanked: 0 });
    expect(await db.claimSuggestion.count({ where: { articleId: old.articleId } })).toBe(expected.length);
  });

  it("ranks suggestions stored before ranking, keeping their dismissals, once", async () => {
    const seed = await readFile(path.join(SEED_TEXTS_DIR, "002_37550b50464d8635.txt"), "utf8");
    const { articleId } = await createArticle({ actorId: null, text: `${seed}\nТізімге 15 адам жазылды.`, publishedAt: new Date("2019-06-20") });
    const ranked = await db.claimSuggestion.findMany({ where: { articleId }, select: { start: true, score: true, claimant: true, category: true, date: true }, orderBy: { start: "asc" } });
    const crowd = await db.claimSuggestion.findFirstOrThrow({ where: { articleId, text: "25 шақты адам" } });
    // As rows stored before ranking look: no score or claimant, the old category and a year-less date.
    await db.claimSuggestion.updateMany({ where: { articleId }, data: { score: null, claimant: null } });
    await db.claimSuggestion.update({ where: { id: crowd.id }, data: { category: "OTHER", dismissedAt: new Date("2026-01-01") } });
    // A range the suggester no longer proposes.
    const stale = await db.claimSuggestion.create({ data: { articleId, revision: 1, start: 0, end: 2, text: seed.slice(0, 2) } });

    expect(await backfillSuggestions()).toMatchObject({ articlesRanked: 1 });
    const after = await db.claimSuggestion.findMany({ where: { articleId, id: { not: stale.id } }, select: { start: true, score: true, claimant: true, category: true, date: true }, orderBy: { start: "asc" } });
    expect(after).toEqual(ranked);
    expect(after.find((s) => s.claimant !== null)).toBeDefined();
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: crowd.id } })).toMatchObject({ category: "CROWD_SIZE", dismissedAt: new Date("2026-01-01") });
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ score: 0 });

    expect(await backfillSuggestions()).toMatchObject({ articlesRanked: 0 });
  });
});
