import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { loadMessages } from "@/lib/i18n/catalog";
import { flattenMessages } from "@/lib/i18n/messages";
import { demoAccount, openBrowser, selectText, signIn, VIEWER, type BrowserSession, type Page } from "../support/browser";
import { REPO_ROOT } from "../support/paths";

// The workbench for someone on a keyboard or a screen reader: the text shows focus, each
// suggestion's buttons say which words they act on, the claim form takes focus and the panel
// says what opened and what was saved, and the "Tag claim" button goes once it is done with.

const POPOVER = ".tag-popover";
const ANNOUNCEMENT = '[data-testid="panel-announcement"]';

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
  const editor = demoAccount("EDITOR");
  await signIn(browser.page, editor.email, editor.password);
  await browser.page.waitForURL("**/articles");
});
afterEach(async () => {
  await browser?.close();
});
// Other files share this database and count the seed articles: leave it as it was found.
const createdArticleIds: string[] = [];
afterAll(async () => {
  if (createdArticleIds.length === 0) return;
  const client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  try {
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = ANY($1::uuid[])`, [createdArticleIds]);
    await client.query(`DELETE FROM "Article" WHERE id = ANY($1::uuid[])`, [createdArticleIds]);
  } finally {
    await client.end();
  }
});

async function pasteArticle(page: Page): Promise<void> {
  const run = randomBytes(4).toString("hex");
  await page.goto("/articles/import");
  await page.getByRole("button", { name: "Import text" }).click();
  await page.getByText("Paste the article's text.").waitFor();
  await page.getByLabel("Article text").fill(`Ақтөбеде шеру өтті (${run}).\nПолиция 45 адамды ұстады, 12 адам айыппұл төледі.\nШеруге 300-ге жуық адам қатысты.`);
  await page.getByRole("button", { name: "Import text" }).click();
  const result = page.getByTestId("paste-result");
  await result.waitFor();
  await result.getByRole("link").click();
  await page.locator(VIEWER).waitFor();
  createdArticleIds.push(/\/articles\/([0-9a-f-]+)/.exec(page.url())![1]);
}

describe("the workbench, by keyboard and screen reader", () => {
  it("names each suggestion's buttons by its words, in English and in Kazakh", async () => {
    const { page, context } = browser;
    await pasteArticle(page);
    const items = page.locator('[data-testid="suggestions"] li');
    await items.first().waitFor();
    const words = await items.locator('span[lang="kk"]').allTextContents();
    expect(words.length).toBeGreaterThan(1);

    for (const [i, quote] of words.entries()) {
      const item = items.nth(i);
      await expect(item.getByRole("button", { name: `Accept “${quote}”`, exact: true }).count()).resolves.toBe(1);
      await expect(item.getByRole("button", { name: `Dismiss “${quote}”`, exact: true }).count()).resolves.toBe(1);
      await expect(item.getByRole("button", { name: `Accept all in the paragraph of “${quote}”`, exact: true }).count()).resolves.toBe(1);
    }
    const names = await page.locator('[data-testid="suggestions"] button[aria-label]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")));
    expect(new Set(names).size).toBe(names.length);

    // The demo editor has chosen no language, so this browser's cookie decides.
    await context.addCookies([{ name: "derek-locale", value: "kk", url: page.url() }]);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === "kk");
    const kk = flattenMessages(loadMessages("kk", REPO_ROOT));
    const accept = kk.get("workbench.suggestions.acceptLabel")!.replace("{quote}", words[0]);
    await items.first().getByRole("button", { name: accept, exact: true }).waitFor();
  });

  it("shows focus on the text, moves focus into the claim form, announces it, and drops the Tag claim button after Escape and after saving", async () => {
    const { page } = browser;
    await pasteArticle(page);
    const viewer = page.locator(VIEWER);

    await viewer.focus();
    const outline = await viewer.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }));
    expect(outline).toEqual({ style: "solid", width: "2px" });

    await selectText(page, "45 адамды");
    await page.locator(POPOVER).waitFor();
    await page.keyboard.press("Escape");
    await page.locator(POPOVER).waitFor({ state: "detached" });

    await selectText(page, "45 адамды");
    await page.getByRole("button", { name: /Tag claim/ }).click();
    const form = page.locator('[data-testid="claim-form"]');
    await form.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "claim-category");
    await expect(page.locator(ANNOUNCEMENT).getAttribute("aria-live")).resolves.toBe("polite");
    await expect(page.locator(ANNOUNCEMENT).textContent()).resolves.toBe("Claim form open for “45 адамды”.");

    await form.getByLabel("Value").fill("45");
    await form.getByRole("button", { name: "Save claim" }).click();
    await page.locator('[data-testid="claim-details"]').waitFor();
    await expect(page.locator(ANNOUNCEMENT).textContent()).resolves.toBe("Claim saved.");
    await expect(page.locator(POPOVER).count()).resolves.toBe(0);
  });
});
