import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { demoAccount, highlightedTexts, openBrowser, selectText, selectTextInEditor, signIn, VIEWER, type BrowserSession } from "../support/browser";

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

describe("a claim whose words the edit did not touch", () => {
  it("stays anchored on them when a sentence is typed at the start of the next line, and is not suggested again", async () => {
    const { page } = browser;
    const run = randomBytes(4).toString("hex");
    const claimWords = "120 адамды";
    const typed = "Ұсталғандардың арасында журналистер де болды. ";

    await page.goto("/articles/import");
    await page.getByRole("button", { name: "Import text" }).click();
    await page.getByText("Paste the article's text.").waitFor();
    await page.getByLabel("Article text").fill(`Шымкентте ереуіл болды (${run}).\nПолиция сол күні ${claimWords} ұстады.\nКейін олардың көбі босатылды.`);
    await page.getByRole("button", { name: "Import text" }).click();
    const result = page.getByTestId("paste-result");
    await result.waitFor();
    await result.getByRole("link").click();
    await page.locator(VIEWER).waitFor();
    createdArticleIds.push(/\/articles\/([0-9a-f-]+)/.exec(page.url())![1]);
    const suggestions = page.locator('[data-testid="suggestions"] li');
    await suggestions.filter({ hasText: claimWords }).waitFor();

    await selectText(page, claimWords);
    await page.getByRole("button", { name: /Tag claim/ }).waitFor();
    await page.keyboard.press("t");
    const form = page.locator('[data-testid="claim-form"]');
    await form.getByLabel("Value").fill("120");
    await form.getByRole("button", { name: "Save claim" }).click();
    await page.locator('[data-testid="claim-details"]').waitFor();
    expect(await highlightedTexts(page)).toEqual([claimWords]);

    // Type a sentence at the very start of the third line, and save a new revision.
    await page.getByRole("link", { name: "Edit text" }).click();
    const editorRoot = '[data-testid="article-editor"] .ProseMirror';
    await page.locator(editorRoot).waitFor();
    await page.locator(editorRoot).click();
    await selectTextInEditor(page, "Кейін", editorRoot);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.insertText(typed);
    await page.waitForFunction(([root, words]) => document.querySelector(root)!.textContent!.includes(words), [editorRoot, `${typed}Кейін`] as const);
    await page.getByRole("button", { name: "Save as new revision" }).click();
    await page.waitForURL(/\/articles\/[0-9a-f-]+(\?.*)?$/);
    await page.locator(VIEWER).getByText(typed.trim()).waitFor();

    // Still on its words, not orphaned, and its words are not offered as a new claim.
    expect(await highlightedTexts(page)).toEqual([claimWords]);
    await expect(page.locator('[data-testid="orphaned-claims"]').count()).resolves.toBe(0);
    // "сол күні" (that day) is no likely claim: it is listed under "Show all".
    await page.getByRole("button", { name: /Show all/ }).click();
    await suggestions.filter({ hasText: "сол күні" }).waitFor();
    await expect(suggestions.filter({ hasText: claimWords }).count()).resolves.toBe(0);
  });
});
