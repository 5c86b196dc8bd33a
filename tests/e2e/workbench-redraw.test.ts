import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { demoAccount, highlightedTexts, openBrowser, selectText, signIn, VIEWER, type BrowserSession, type Page } from "../support/browser";

// A save redraws the highlight it changed and nothing else: the spans of the other claims stay
// the very same elements (the viewer is not remounted, no other paragraph is redrawn). That the
// decorations themselves are kept is held by tests/unit/workbench/highlight-decorations.test.ts.

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

const FIRST = "120 адамды";
const SECOND = "45 адам";

async function tag(page: Page, words: string) {
  await selectText(page, words);
  await page.getByRole("button", { name: /Tag claim/ }).waitFor();
  await page.keyboard.press("t");
  const form = page.locator('[data-testid="claim-form"]');
  await form.getByLabel("Value").fill(words.replace(/\D/g, ""));
  await form.getByRole("button", { name: "Save claim" }).click();
  await page.locator('[data-testid="claim-details"]').waitFor();
}

/** A fresh article with the two figures in it, opened in the workbench. */
async function importArticle(page: Page) {
  const run = randomBytes(4).toString("hex");
  await page.goto("/articles/import");
  await page.getByRole("button", { name: "Import text" }).click();
  await page.getByText("Paste the article's text.").waitFor();
  await page.getByLabel("Article text").fill(`Шымкентте ереуіл болды (${run}).\nПолиция сол күні ${FIRST} ұстады.\nКейін олардың ${SECOND} босатылды.`);
  await page.getByRole("button", { name: "Import text" }).click();
  const result = page.getByTestId("paste-result");
  await result.waitFor();
  await result.getByRole("link").click();
  await page.locator(VIEWER).waitFor();
  createdArticleIds.push(/\/articles\/([0-9a-f-]+)/.exec(page.url())![1]);
}

describe("saving a claim", () => {
  it("leaves the other claims' highlights as the same elements", async () => {
    const { page } = browser;
    await importArticle(page);

    await tag(page, FIRST);
    // Back to the list: the first claim is no longer the open one, so its look is settled.
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="claim-list"]').waitFor();
    await page.locator(`${VIEWER} .claim:not(.claim--active)`).waitFor();
    await page.locator(VIEWER).evaluate((root) => {
      (window as unknown as { marked: Element[] }).marked = Array.from(root.querySelectorAll("[data-claim-id]"));
    });

    await tag(page, SECOND);
    expect(await highlightedTexts(page)).toEqual([FIRST, SECOND]);
    const kept = await page.locator(VIEWER).evaluate((root) => {
      const marked = (window as unknown as { marked: Element[] }).marked;
      return { marked: marked.length, attached: marked.filter((el) => el.isConnected && root.contains(el)).length };
    });
    expect(kept.marked).toBeGreaterThan(0);
    expect(kept).toEqual({ marked: kept.marked, attached: kept.marked });
  });

  // The saved claim's panel and its highlight come in one render, so no frame shows the one
  // without the other; on a long article, a frame drawn between them cost a layout and paint of
  // the whole text before the highlight was in.
  it("draws the saved claim's highlight in the same change of the page as its panel", async () => {
    const { page } = browser;
    await importArticle(page);
    await selectText(page, FIRST);
    await page.getByRole("button", { name: /Tag claim/ }).waitFor();
    await page.keyboard.press("t");
    const form = page.locator('[data-testid="claim-form"]');
    await form.getByLabel("Value").fill("120");
    // Noted by a mutation observer, which runs once the page's script has finished the change
    // that put the panel in and before the browser draws it.
    await page.evaluate((viewer) => {
      const seen = window as unknown as { panelCame?: { claimId: string | null; highlighted: boolean } };
      const observer = new MutationObserver(() => {
        const panel = document.querySelector('[data-testid="claim-details"]');
        if (!panel) return;
        const claimId = panel.getAttribute("data-claim-id");
        seen.panelCame = { claimId, highlighted: document.querySelector(`${viewer} [data-claim-id="${claimId}"]`) !== null };
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, VIEWER);
    await form.getByRole("button", { name: "Save claim" }).click();
    await page.locator('[data-testid="claim-details"]').waitFor();
    const panelCame = await page.evaluate(() => (window as unknown as { panelCame?: { claimId: string | null; highlighted: boolean } }).panelCame);
    expect(panelCame?.claimId).toMatch(/^[0-9a-f-]{36}$/);
    expect(panelCame).toEqual({ claimId: panelCame?.claimId, highlighted: true });
    expect(await highlightedTexts(page)).toEqual([FIRST]);
  });
});
