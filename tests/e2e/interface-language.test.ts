import { createHash, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { loadMessages } from "@/lib/i18n/catalog";
import { flattenMessages } from "@/lib/i18n/messages";
import { openBrowser, selectText, signIn, VIEWER, type BrowserSession, type Page } from "../support/browser";
import { REPO_ROOT } from "../support/paths";

// The interface in another language, end to end: an editor switches to Russian, tags a claim and
// is answered in Russian; the choice follows the account to a fresh browser; in Kazakh the ledger
// reads dates the Kazakh way. This file's own account and article, so no other test sees a
// language other than the browser's English.

const TAG = randomUUID().slice(0, 8);
const EMAIL = `til-${TAG}@derek.test`;
const PASSWORD = "til-synagy-demo-password";
const TEXT = `Тіл сынағы ${TAG}. 2020 жылы 5 наурызда Алматыда 361 адам ұсталды, деп хабарлады ІІМ.`;

/** A message of lib/ in `locale`, found the way the interface finds it: by its English sentence. */
function translated(english: string, locale: "ru" | "kk"): string {
  const en = flattenMessages(loadMessages("en", REPO_ROOT));
  const key = [...en].find(([id, text]) => id.startsWith("lib") && text === english)?.[0];
  if (!key) throw new Error(`No catalog entry for "${english}"`);
  const text = flattenMessages(loadMessages(locale, REPO_ROOT)).get(key);
  if (!text) throw new Error(`No ${locale} entry for ${key}`);
  return text;
}

let client: pg.Client;
let articleId: string;
let browser: BrowserSession;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  const user = await client.query<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, 'Тілші Редактор', $2, 'EDITOR', now()) RETURNING id`,
    [EMAIL, await hashPassword(PASSWORD)],
  );
  articleId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, title, "bodyJson", "bodyText", "contentHash", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
      [`Тіл сынағы ${TAG}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] }), TEXT, createHash("sha256").update(TEXT).digest("hex")],
    )
  ).rows[0].id;
  // A claim about an event on 5 March 2020, for the ledger's date.
  const quote = "361 адам ұсталды";
  const start = TEXT.indexOf(quote);
  await client.query(
    `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, "eventDate", "authorId", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'DETENTION_COUNT', 361, '2020-03-05', $5, now())`,
    [articleId, start, start + quote.length, quote, user.rows[0].id],
  );
});

afterAll(async () => {
  // Other tests count the seed articles: take this file's article and claims away again.
  if (articleId) {
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  }
  await client?.end();
});

beforeEach(async () => {
  browser = await openBrowser();
});

afterEach(async () => {
  await browser?.close();
});

async function signInAsLinguist(page: Page) {
  await signIn(page, EMAIL, PASSWORD);
  await page.waitForURL("**/articles");
}

async function switchLanguage(page: Page, locale: "kk" | "ru" | "en") {
  await page.getByTestId("language-switch").selectOption(locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

describe("the interface language", () => {
  it("answers in Russian once Russian is chosen, and the choice follows the account", async () => {
    const { page } = browser;
    await signInAsLinguist(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await switchLanguage(page, "ru");
    const nav = flattenMessages(loadMessages("ru", REPO_ROOT));
    await page.getByRole("link", { name: nav.get("nav.articles")!, exact: true }).waitFor();

    await page.goto(`/articles/${articleId}`);
    await page.locator(VIEWER).waitFor();
    await selectText(page, "361 адам");
    // The viewer takes the selection in, then offers to tag it; "t" is the same in every language.
    await page.locator("button.tag-popover").waitFor();
    await page.keyboard.press("t");
    const form = page.locator('[data-testid="claim-form"]');
    await form.waitFor();
    await form.locator("#claim-category").selectOption("DETENTION_COUNT");
    await form.locator("#claim-value").fill("үш жүз");
    await form.locator('button[type="submit"]').click();
    // The rule is lib/'s, written in English; the editor reads it in Russian.
    const numberMessage = translated("Enter a number, e.g. 4000 or 63,3.", "ru");
    expect(numberMessage).not.toBe("Enter a number, e.g. 4000 or 63,3.");
    await form.getByText(numberMessage).waitFor();

    await form.locator("#claim-value").fill("");
    await form.locator('button[type="submit"]').click();
    await form.getByText(translated("Enter the figure, or a minimum or maximum.", "ru")).waitFor();

    // Nothing was saved: the article still has only the claim written before.
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    expect(rows[0].n).toBe(1);

    // A fresh browser (no cookie) that asks for English: the account's Russian wins.
    const other = await openBrowser();
    try {
      await signInAsLinguist(other.page);
      expect(await other.page.evaluate(() => document.documentElement.lang)).toBe("ru");
      await other.page.getByRole("link", { name: nav.get("nav.ledger")!, exact: true }).waitFor();
    } finally {
      await other.close();
    }
  });

  it("reads the ledger's dates the Kazakh way", async () => {
    const { page } = browser;
    await signInAsLinguist(page);
    await switchLanguage(page, "kk");
    await page.goto(`/ledger?article=${articleId}`);
    const row = page.locator('[data-testid="ledger-table"] tbody tr').first();
    await row.waitFor();
    expect(await row.innerText()).toContain("5 наурыз 2020");
    // And back: the same view in English.
    await switchLanguage(page, "en");
    expect(await page.locator('[data-testid="ledger-table"] tbody tr').first().innerText()).toContain("5 March 2020");
  });
});
