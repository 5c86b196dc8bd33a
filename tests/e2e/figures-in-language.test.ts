import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { openBrowser, signIn, type BrowserSession, type Page } from "../support/browser";

// Every figure on the ledger, a group page and the conflicts page reads in the interface's
// language: unit words, plurals, Kazakh and Russian digit grouping and decimal comma. The claims
// are this file's own, written straight into the database.
const TAG = randomUUID().slice(0, 8);
const EMAIL = `figures-${TAG}@derek.test`;
const PASSWORD = "figures-in-language-password";
const TEXT = `Сандар ${TAG}: төрт мыңға жуық адам; он мыңнан астам адам; 70,96 пайыз; 45 минуттай; 25 адам; 1 адам.`;

interface FigureRow {
  quote: string;
  category: string;
  value: number;
  unit: string;
  qualifier: string;
  grouped?: true;
}

const FIGURES: FigureRow[] = [
  { quote: "төрт мыңға жуық адам", category: "CASUALTIES", value: 4000, unit: "person", qualifier: "APPROXIMATELY", grouped: true },
  { quote: "он мыңнан астам адам", category: "CASUALTIES", value: 10000, unit: "person", qualifier: "MORE_THAN", grouped: true },
  { quote: "70,96 пайыз", category: "VOTE_SHARE", value: 70.96, unit: "percent", qualifier: "EXACT" },
  { quote: "45 минуттай", category: "OTHER", value: 45, unit: "minute", qualifier: "APPROXIMATELY" },
  { quote: "25 адам", category: "OTHER", value: 25, unit: "person", qualifier: "EXACT" },
  { quote: "1 адам", category: "OTHER", value: 1, unit: "person", qualifier: "EXACT" },
];

const NBSP = /[\u00a0\u202f]/g;

/** What each language shows for FIGURES, in order. */
const EXPECTED = {
  kk: ["≈ 4 000 адам", "> 10 000 адам", "70,96 пайыз", "≈ 45 минут", "25 адам", "1 адам"],
  ru: ["≈ 4 000 человек", "> 10 000 человек", "70,96 процента", "≈ 45 минут", "25 человек", "1 человек"],
  en: ["≈ 4,000 people", "> 10,000 people", "70.96 percent", "≈ 45 minutes", "25 people", "1 person"],
} as const;

type Locale = keyof typeof EXPECTED;

/** Words and digits that would mean a figure was not written in `locale`. */
const FOREIGN: Record<Locale, RegExp> = {
  kk: /percent|person|people|minute|человек|процент|минута|\d,\d{3}|\d\.\d|\d{4}/,
  ru: /percent|person|people|minute|адам|пайыз|\d,\d{3}|\d\.\d|\d{4}/,
  en: /адам|пайыз|человек|процент|минут|\d \d{3}|\d,\d{1,2}\b/,
};

let client: pg.Client;
let browser: BrowserSession;
let articleId: string;
let userId: string;
let groupId: string;
const hydrationErrors: string[] = [];

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  userId = (
    await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, 'Сандар Редактор', $2, 'EDITOR', now()) RETURNING id`,
      [EMAIL, await hashPassword(PASSWORD)],
    )
  ).rows[0].id;
  articleId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, title, "bodyJson", "bodyText", "contentHash", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
      [`Сандар ${TAG}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] }), TEXT, createHash("sha256").update(TEXT).digest("hex")],
    )
  ).rows[0].id;
  groupId = (await client.query<{ id: string }>(`INSERT INTO "ClaimGroup" (id, status, "createdById", "updatedAt") VALUES (gen_random_uuid(), 'PROPOSED', $1, now()) RETURNING id`, [userId])).rows[0].id;
  for (const f of FIGURES) {
    const start = TEXT.indexOf(f.quote);
    await client.query(
      `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, unit, qualifier, "authorId", "groupId", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [articleId, start, start + f.quote.length, f.quote, f.category, f.value, f.unit, f.qualifier, userId, f.grouped ? groupId : null],
    );
  }
});

afterAll(async () => {
  // Other tests count the seed articles: take this file's rows away again.
  if (articleId) {
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  }
  if (groupId) await client.query(`DELETE FROM "ClaimGroup" WHERE id = $1`, [groupId]);
  // The account stays where the audit trail names it (it cannot be deleted there); elsewhere it goes.
  if (userId) await client.query(`DELETE FROM "User" WHERE id = $1`, [userId]).catch(() => undefined);
  await client?.end();
});

beforeEach(async () => {
  browser = await openBrowser();
  browser.page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text())) hydrationErrors.push(message.text());
  });
  browser.page.on("pageerror", (error) => {
    if (/hydrat|#418|#423|#425/i.test(error.message)) hydrationErrors.push(error.message);
  });
  await signIn(browser.page, EMAIL, PASSWORD);
  await browser.page.waitForURL("**/articles");
});

afterEach(async () => {
  await browser?.close();
});

async function switchLanguage(page: Page, locale: Locale) {
  if ((await page.evaluate(() => document.documentElement.lang)) === locale) return;
  await page.getByTestId("language-switch").selectOption(locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

const texts = async (page: Page, selector: string) => (await page.locator(selector).allTextContents()).map((text) => text.replace(NBSP, " ").trim());

/** The figure of a GroupFigure, without its qualifier in words: "≈ 4 000 адам (шамамен)" → "≈ 4 000 адам". */
const withoutQualifier = (text: string) => text.replace(/\s*\([^)]*\)$/, "");

describe("figures in the reader's language", () => {
  for (const locale of ["kk", "ru", "en"] as const) {
    it(`writes every figure of the ledger, a group and the conflicts page in ${locale}`, async () => {
      const { page } = browser;
      await switchLanguage(page, locale);

      await page.goto(`/ledger?article=${articleId}`);
      await page.locator("td.ledger-figure").first().waitFor();
      const ledger = await texts(page, "td.ledger-figure");
      expect([...ledger].sort()).toEqual([...EXPECTED[locale]].sort());

      await page.goto(`/ledger/groups/${groupId}`);
      await page.locator(".ledger-figure").first().waitFor();
      const group = (await texts(page, ".ledger-figure")).map(withoutQualifier);
      expect(group.sort()).toEqual([EXPECTED[locale][0], EXPECTED[locale][1]].sort());

      await page.goto(`/ledger/conflicts?category=CASUALTIES`);
      const conflict = page.locator(`[data-group-id="${groupId}"]`);
      await conflict.waitFor();
      const pair = (await conflict.locator(".ledger-figure").allTextContents()).map((text) => withoutQualifier(text.replace(NBSP, " ").trim()));
      expect(pair.sort()).toEqual([EXPECTED[locale][0], EXPECTED[locale][1]].sort());
      // Why they conflict, with the bounds in the reader's numbers too.
      const reason = (await conflict.locator(".conflict-versus").allTextContents()).join(" ").replace(NBSP, " ");
      expect(reason).not.toMatch(locale === "en" ? /\d \d{3}/ : /\d,\d{3}|\d{4}/);

      for (const text of [...ledger, ...group, ...pair]) expect(text, text).not.toMatch(FOREIGN[locale]);
      expect(hydrationErrors).toEqual([]);
    });
  }
});
