import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { demoAccount, openBrowser, selectText, signIn, VIEWER, type BrowserSession, type Page } from "../support/browser";

// The suggestion list an editor reads: likely claims first, the rest behind "Show all", and the
// claim form pre-filled with the suggester's reading, its claimant included, whether the editor
// accepts a suggestion or selects its words by hand.

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
  await page
    .getByLabel("Article text")
    .fill(`Алматыдағы наразылық (${run}).\nҚұқық қорғаушылардың дерегінше, 10 қаңтарда арнайы жасақ 361 адамды әкеткен.\nБүгін олардың бірі ғана босатылды.`);
  await page.getByRole("button", { name: "Import text" }).click();
  const result = page.getByTestId("paste-result");
  await result.waitFor();
  await result.getByRole("link").click();
  await page.locator(VIEWER).waitFor();
  createdArticleIds.push(/\/articles\/([0-9a-f-]+)/.exec(page.url())![1]);
}

describe("ranked suggestions", () => {
  it("lists likely claims first, expands the rest with Show all, and pre-fills the claimant on Accept and on a hand selection", async () => {
    const { page } = browser;
    await pasteArticle(page);
    const list = page.locator('[data-testid="suggestions"]');
    const likely = list.locator('[data-testid="likely-suggestions"] li');
    await likely.first().waitFor();
    await expect(likely.locator('span[lang="kk"]').allTextContents()).resolves.toEqual(["361 адамды"]);
    await expect(likely.first().getByTestId("suggestion-claimant").textContent()).resolves.toContain("Құқық қорғаушылар");
    await expect(list.locator("li", { hasText: "10 қаңтарда" }).count()).resolves.toBe(0);

    const showAll = list.getByRole("button", { name: /Show all/ });
    await expect(showAll.getAttribute("aria-expanded")).resolves.toBe("false");
    await showAll.click();
    const others = list.locator('[data-testid="other-suggestions"] li');
    await others.first().waitFor();
    const otherWords = await others.locator('span[lang="kk"]').allTextContents();
    expect(otherWords).toEqual(expect.arrayContaining(["10 қаңтарда", "Бүгін"]));
    const collapse = list.getByRole("button", { name: "Show likely claims only" });
    await expect(collapse.getAttribute("aria-expanded")).resolves.toBe("true");
    await collapse.click();
    await list.locator('[data-testid="other-suggestions"]').waitFor({ state: "detached" });

    await likely.first().getByRole("button", { name: "Accept “361 адамды”", exact: true }).click();
    const form = page.locator('[data-testid="claim-form"]');
    await expect(form.getByLabel("Claimant").inputValue()).resolves.toBe("Құқық қорғаушылар");
    await expect(form.getByLabel("Category").inputValue()).resolves.toBe("DETENTION_COUNT");
    await form.getByRole("button", { name: "Cancel" }).click();
    await form.waitFor({ state: "detached" });

    // The same words selected by hand open the same reading, not a blank form.
    await selectText(page, "361 адамды");
    await page.getByRole("button", { name: /Tag claim/ }).waitFor();
    await page.keyboard.press("t");
    await form.waitFor();
    await expect(form.getByLabel("Value").inputValue()).resolves.toBe("361");
    await expect(form.getByLabel("Unit").inputValue()).resolves.toBe("person");
    await expect(form.getByLabel("Category").inputValue()).resolves.toBe("DETENTION_COUNT");
    await expect(form.getByLabel("Claimant").inputValue()).resolves.toBe("Құқық қорғаушылар");
  });
});
