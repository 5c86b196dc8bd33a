import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoAccount, highlightedTexts, openBrowser, selectText, selectTextInEditor, signIn, VIEWER, type BrowserSession, type Page } from "../support/browser";

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

async function openArticle(page: Page, startsWith: string) {
  await page.goto("/articles");
  await page.locator('[data-testid="article-list"] a', { hasText: startsWith }).first().click();
  await page.locator('[data-testid="article-viewer"] .ProseMirror').waitFor();
}

async function highlighted(page: Page, words: string) {
  return (await highlightedTexts(page)).includes(words);
}

describe("claims the workbench suggests", () => {
  it("shows suggestions read from the Kazakh text; accepting one pre-fills the form; a dismissal is remembered", async () => {
    const { page } = browser;
    await openArticle(page, "5 наурызда");
    const list = page.locator('[data-testid="suggestions"]');
    await list.waitFor();
    expect(await page.locator(`${VIEWER} .suggestion`).count()).toBeGreaterThan(5);

    const vote = list.locator("li", { hasText: "70 пайыздан астам" });
    await vote.getByRole("button", { name: "Accept “70 пайыздан астам”", exact: true }).click();
    const form = page.locator('[data-testid="claim-form"]');
    await expect(form.locator(".claim-quote").textContent()).resolves.toBe("70 пайыздан астам");
    await expect(form.getByLabel("Category").inputValue()).resolves.toBe("VOTE_SHARE");
    await expect(form.getByLabel("Value").inputValue()).resolves.toBe("70");
    await expect(form.getByLabel("Qualifier").inputValue()).resolves.toBe("MORE_THAN");
    await expect(form.getByLabel("Unit").inputValue()).resolves.toBe("percent");
    await form.getByLabel("Claimant").fill("ОСК");
    await page.keyboard.press("Control+Enter");
    await page.locator('[data-testid="claim-details"]').waitFor();
    expect(await highlighted(page, "70 пайыздан астам")).toBe(true);

    await page.getByRole("button", { name: "All claims" }).click();
    // "бірнеше белсенді" (several activists) is not a likely claim: it waits behind "Show all".
    await list.getByRole("button", { name: /Show all/ }).click();
    const several = list.locator("li", { hasText: "бірнеше белсенді" });
    await several.getByRole("button", { name: "Dismiss" }).click();
    await several.waitFor({ state: "detached" });
    await page.getByRole("button", { name: /Undo/ }).click();
    await several.waitFor();
    await several.getByRole("button", { name: "Dismiss" }).click();
    await several.waitFor({ state: "detached" });
    await page.reload();
    await list.waitFor();
    await list.getByRole("button", { name: /Show all/ }).click();
    await list.locator('[data-testid="other-suggestions"]').waitFor();
    await expect(list.locator("li", { hasText: "бірнеше белсенді" }).count()).resolves.toBe(0);
    await expect(list.locator("li", { hasText: "70 пайыздан астам" }).count()).resolves.toBe(0);
    expect(await highlighted(page, "70 пайыздан астам")).toBe(true);
  });
});

describe("a claim whose words were edited away", () => {
  it("is listed as orphaned and can be re-attached by selecting text", async () => {
    const { page } = browser;
    await openArticle(page, "2016 жылғы жер митингілерінен");
    const quote = (await page.locator(VIEWER).textContent())!.match(/\d+ пайыз\S*/)?.[0];
    expect(quote).toBeTruthy();
    await selectText(page, quote!);
    await page.getByRole("button", { name: /Tag claim/ }).waitFor();
    await page.keyboard.press("t");
    const form = page.locator('[data-testid="claim-form"]');
    await form.getByLabel("Value").fill("1");
    await form.getByRole("button", { name: "Save claim" }).click();
    await page.locator('[data-testid="claim-details"]').waitFor();

    // Delete the claim's words in the editor, and save a new revision.
    await page.getByRole("link", { name: "Edit text" }).click();
    const editorRoot = '[data-testid="article-editor"] .ProseMirror';
    await page.locator(editorRoot).waitFor();
    await page.locator(editorRoot).click();
    await selectTextInEditor(page, quote!, editorRoot);
    await page.keyboard.press("Backspace");
    await page.waitForFunction(([root, words]) => !document.querySelector(root)!.textContent!.includes(words), [editorRoot, quote!] as const);
    await page.getByRole("button", { name: "Save as new revision" }).click();
    await page.waitForURL(/\/articles\/[0-9a-f-]+(\?.*)?$/);

    const orphans = page.locator('[data-testid="orphaned-claims"]');
    await orphans.waitFor();
    expect(await highlighted(page, quote!)).toBe(false);
    await orphans.getByRole("button", { name: `“${quote}”` }).click();
    const target = (await page.locator(VIEWER).textContent())!.match(/\d+ (адам|жыл)\S*/)?.[0];
    expect(target).toBeTruthy();
    await selectText(page, target!);
    await page.locator('[data-testid="reattach"]').getByRole("button", { name: "Re-attach to selection" }).click();
    await page.getByText("Claim re-attached.").waitFor();
    expect(await highlighted(page, target!)).toBe(true);
    await expect(orphans.count()).resolves.toBe(0);
  });
});
