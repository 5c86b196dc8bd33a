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

    expect(await backfillSuggestions()).toEqual({ articlesBackfilled: 1 });
    const filled = await db.claimSuggestion.findMany({ where: { articleId: old.articleId }, select: { start: true, end: true, text: true, value: true }, orderBy: { start: "asc" } });
    expect(filled).toEqual(expected);
    expect(await db.claimSuggestion.findMany({ where: { articleId: current.articleId }, orderBy: { start: "asc" } })).toEqual(untouched);

    expect(await backfillSuggestions()).toEqual({ articlesBackfilled: 0 });
    expect(await db.claimSuggestion.count({ where: { articleId: old.articleId } })).toBe(expected.length);
  });
});
