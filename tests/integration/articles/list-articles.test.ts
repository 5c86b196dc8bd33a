import { englishOf } from "@/lib/core/english-messages";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { ARTICLE_PAGE_SIZE, listArticles, listOutlets, parseArticleListQuery, type ArticleListQuery } from "@/lib/articles/list-articles";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/seed/seed-database";
import { SEED_TEXTS_DIR } from "../../support/paths";

let editor: Actor;
const seedTexts: string[] = [];

function query(params: Record<string, string | string[]>): ArticleListQuery {
  const parsed = parseArticleListQuery(params);
  if (!parsed.ok) throw new Error(`unexpected errors: ${JSON.stringify(parsed.errors)}`);
  return parsed.query;
}

async function titlesFor(params: Record<string, string>): Promise<string[]> {
  const page = await listArticles({ actor: editor, query: query(params) });
  return page.items.map((item) => item.title).sort();
}

async function addArticle(text: string, details: { outlet?: string; publishedAt?: string } = {}) {
  const result = await createArticle({
    actorId: editor.id,
    text,
    outlet: details.outlet,
    publishedAt: details.publishedAt ? new Date(`${details.publishedAt}T00:00:00Z`) : undefined,
  });
  return result.articleId;
}

async function addClaim(articleId: string, status: "DRAFT" | "SUBMITTED", deleted = false) {
  await db.claim.create({
    data: { articleId, start: 0, end: 3, quote: "abc", category: "OTHER", status, authorId: editor.id, deletedAt: deleted ? new Date() : null },
  });
}

beforeAll(async () => {
  await seedDatabase({ seedTextsDir: SEED_TEXTS_DIR });
  const user = await db.user.findUniqueOrThrow({ where: { email: "editor@derek.local" } });
  editor = { id: user.id, role: user.role, active: true };
  for (const file of (await readdir(SEED_TEXTS_DIR)).filter((f) => f.endsWith(".txt"))) {
    seedTexts.push(await readFile(path.join(SEED_TEXTS_DIR, file), "utf8"));
  }
});

describe("listArticles search", () => {
  it("runs on a database whose character type folds Kazakh letters", async () => {
    const [row] = await db.$queryRaw<{ lower: string }[]>`SELECT lower('ҚАЗАҚСТАН ӘҒҢӨҰҮҺІ') AS lower`;
    expect(row.lower).toBe("қазақстан әғңөұүһі");
  });

  it.each([
    ["ҚАЗАҚСТАН", "қазақстан"],
    ["АЛМАТЫ", "алматы"],
    ["алматы", "алматы"],
    ["ӘЛНҰР", "әлнұр"],
  ])("finds %s in any case, matching exactly the seed texts that contain it", async (search, lower) => {
    const expected = seedTexts.filter((text) => text.toLowerCase().includes(lower));
    // The seed texts must discriminate: some match, and for Алматы some do not.
    expect(expected.length).toBeGreaterThan(0);
    const page = await listArticles({ actor: editor, query: query({ q: search }) });
    expect(page.total).toBe(expected.length);
  });

  it("shows that Алматы is not in every seed text, so the search really filters", () => {
    expect(seedTexts.filter((t) => t.toLowerCase().includes("алматы")).length).toBeLessThan(seedTexts.length);
  });

  it("searches titles, and treats % and _ as plain characters", async () => {
    await addArticle("Пайыз белгісі: 70% дауыс\nмәтін");
    await addArticle("Астыңғы_сызық тақырыбы\nмәтін");
    expect(await titlesFor({ q: "пайыз БЕЛГІСІ" })).toEqual(["Пайыз белгісі: 70% дауыс"]);
    expect(await titlesFor({ q: "70%" })).toEqual(["Пайыз белгісі: 70% дауыс"]);
    expect(await titlesFor({ q: "ы_с" })).toEqual(["Астыңғы_сызық тақырыбы"]);
    expect((await listArticles({ actor: editor, query: query({ q: "%" }) })).total).toBe(
      (await db.article.findMany({ select: { bodyText: true } })).filter((a) => a.bodyText.includes("%")).length,
    );
  });
});

describe("listArticles filters", () => {
  it("filters by outlet, by an inclusive date range, and by claims awaiting review", async () => {
    const a = await addArticle("Сүзгі A\n1", { outlet: "Сүзгі Азаттық", publishedAt: "2024-03-01" });
    const b = await addArticle("Сүзгі B\n2", { outlet: "Сүзгі Азаттық", publishedAt: "2024-03-31" });
    const c = await addArticle("Сүзгі C\n3", { outlet: "Сүзгі Тengri", publishedAt: "2024-04-01" });
    await addClaim(a, "SUBMITTED");
    await addClaim(b, "DRAFT");
    await addClaim(c, "SUBMITTED", true);

    expect(await titlesFor({ outlet: "Сүзгі Азаттық" })).toEqual(["Сүзгі A", "Сүзгі B"]);
    expect(await titlesFor({ q: "Сүзгі", from: "2024-03-01", to: "2024-03-31" })).toEqual(["Сүзгі A", "Сүзгі B"]);
    expect(await titlesFor({ q: "Сүзгі", from: "2024-03-02" })).toEqual(["Сүзгі B", "Сүзгі C"]);
    expect(await titlesFor({ q: "Сүзгі", to: "2024-03-01" })).toEqual(["Сүзгі A"]);
    // A draft does not await review, nor does a deleted submitted claim.
    expect(await titlesFor({ q: "Сүзгі", awaiting: "1" })).toEqual(["Сүзгі A"]);
    expect(await listOutlets({ actor: editor })).toEqual(expect.arrayContaining(["Сүзгі Азаттық", "Сүзгі Тengri"]));

    const listed = await listArticles({ actor: editor, query: query({ q: "Сүзгі A" }) });
    expect(listed.items[0].claimCounts).toEqual({ SUBMITTED: 1 });
  });

  it("pages by 25 in a stable order, every article once", async () => {
    for (let i = 0; i < ARTICLE_PAGE_SIZE + 5; i++) await addArticle(`Беттеу ${String(i).padStart(2, "0")}\nмәтін`, { publishedAt: "2023-01-01" });
    const first = await listArticles({ actor: editor, query: query({ q: "Беттеу" }) });
    const second = await listArticles({ actor: editor, query: query({ q: "Беттеу", page: "2" }) });
    expect([first.total, first.pageCount, first.items.length, second.items.length]).toEqual([30, 2, 25, 5]);
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(30);
    const past = await listArticles({ actor: editor, query: query({ q: "Беттеу", page: "3" }) });
    expect(past).toMatchObject({ items: [], total: 30, page: 3, pageCount: 2 });
  });

  it("asks the policy", async () => {
    await expect(listArticles({ actor: { ...editor, active: false } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("parseArticleListQuery", () => {
  it("accepts an empty query and blank fields", () => {
    expect(parseArticleListQuery({})).toEqual({ ok: true, query: {} });
    expect(parseArticleListQuery({ q: " ", outlet: "", from: "", to: "", page: "" })).toMatchObject({ ok: true, query: { page: 1 } });
  });

  it.each([
    [{ from: "2024-05-01", to: "2024-04-01" }, "to", /“from” date is after the “to” date/],
    [{ from: "2024-05-01", to: "2024-04-01", awaiting: "maybe" }, "to", /“from” date is after the “to” date/],
    [{ from: "2024-02-30" }, "from", /real date/],
    [{ to: "кеше" }, "to", /real date/],
    [{ awaiting: "yes" }, "awaiting", /either on \(1\) or off/],
    [{ page: "0" }, "page", /1 or more/],
    [{ page: "two" }, "page", /whole number/],
    [{ q: ["а", "б"] }, "q", /once, not 2 times/],
    [{ q: "а".repeat(201) }, "q", /at most 200/],
  ] as const)("refuses %j with a message on %s", (params, field, message) => {
    const parsed = parseArticleListQuery(params as Record<string, string | string[]>);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(englishOf(parsed.errors[field] ?? "")).toMatch(message);
  });
});
