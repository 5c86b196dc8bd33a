import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoAccount, highlightedTexts, openBrowser, selectText, signIn, VIEWER, type BrowserSession, type Page } from "../support/browser";

const QUOTE = "төрт мыңға жуық адам";
const ARTICLE_START = "19 маусымда Нұр-Сұлтанда";

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

async function highlightedText(page: Page) {
  await page.locator(`${VIEWER} [data-claim-id]`).first().waitFor();
  return highlightedTexts(page);
}

async function openSeedArticle(page: Page) {
  await page.goto("/articles");
  await page.locator('[data-testid="article-list"] a', { hasText: ARTICLE_START }).first().click();
  await page.locator('[data-testid="article-viewer"] .ProseMirror').waitFor();
}

describe("an editor tags a claim in a seed article", () => {
  it("tags 'төрт мыңға жуық адам' with a source; the highlight stays on those words after a reload and after an edit before them", async () => {
    const { page } = browser;
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    await openSeedArticle(page);

    await selectText(page, QUOTE);
    await page.getByRole("button", { name: /Tag claim/ }).click();
    const form = page.locator('[data-testid="claim-form"]');
    await expect(form.locator(".claim-quote").textContent()).resolves.toBe(QUOTE);

    // Bad input is answered beside its field and nothing is saved.
    await form.getByLabel("Value").fill("төрт мың");
    await form.getByRole("button", { name: "Save claim" }).click();
    await form.getByText("Enter a number, e.g. 4000 or 63,3.").waitFor();

    await page.keyboard.press("Escape");
    await selectText(page, QUOTE);
    await page.getByRole("button", { name: /Tag claim/ }).waitFor();
    await page.keyboard.press("t");
    await form.getByLabel("Category").selectOption("DETENTION_COUNT");
    await form.getByLabel("Value").fill("4000");
    await form.getByLabel("Unit").selectOption("person");
    await form.getByLabel("Qualifier").selectOption("APPROXIMATELY");
    await form.getByLabel("Claimant").fill("Ішкі істер министрі");
    await form.getByRole("button", { name: "+ Source" }).click();
    await form.getByLabel("Source URL").fill("ftp://example.org/briefing");
    await form.getByRole("button", { name: "Save claim" }).click();
    await form.getByText("Enter a web address starting with http:// or https://.").waitFor();
    await form.getByLabel("Source URL").fill("https://www.gov.kz/memleket/entities/qriim/press");
    await form.getByLabel("Title").fill("ІІМ брифингі");
    await form.getByLabel("Kind").selectOption("OFFICIAL_STATEMENT");
    await form.getByLabel("Passage").fill(QUOTE);
    await form.getByRole("button", { name: "Save claim" }).click();

    const details = page.locator('[data-testid="claim-details"]');
    await details.waitFor();
    await expect(details.textContent()).resolves.toContain("Ішкі істер министрі");
    // Sources are read when the claim is opened.
    await details.getByRole("link", { name: "ІІМ брифингі" }).waitFor();
    expect(await highlightedText(page)).toEqual([QUOTE]);

    await page.reload();
    expect(await highlightedText(page)).toEqual([QUOTE]);
    // The page's HTML draws the highlight with the text, before any script has run (the open claim, as the address names it).
    const claimId = await page.locator(`${VIEWER} [data-claim-id]`).first().getAttribute("data-claim-id");
    const html = await (await page.request.get(page.url())).text();
    const staticText = html.slice(html.indexOf('class="static-document"'));
    expect(staticText).toMatch(new RegExp(`<span class="claim claim--draft claim--active" data-claim-id="${claimId}">${QUOTE}</span>`));

    await page.getByRole("link", { name: "Edit text" }).click();
    const textEditor = page.locator('[data-testid="article-editor"] .ProseMirror');
    await textEditor.waitFor();
    await textEditor.click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("Редакциядан: мәтін толықтырылды. ");
    await page.getByRole("button", { name: "Save as new revision" }).click();
    await page.waitForURL(/\/articles\/[0-9a-f-]+$/);
    await expect(page.locator(".article-meta").textContent()).resolves.toContain("revision 2");
    expect(await highlightedText(page)).toEqual([QUOTE]);
    await expect(page.locator('[data-testid="article-viewer"] .ProseMirror p').first().textContent()).resolves.toMatch(/^Редакциядан: мәтін толықтырылды\. /);
  });

  it("keeps the article's words unchanged when someone types into the viewer", async () => {
    const { page } = browser;
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    await openSeedArticle(page);
    const viewer = page.locator('[data-testid="article-viewer"] .ProseMirror');
    const before = await viewer.textContent();
    await viewer.click();
    await page.keyboard.type("абв");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    expect(await viewer.textContent()).toBe(before);
  });

  it("shows the shortcut list on '?'", async () => {
    const { page } = browser;
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    await openSeedArticle(page);
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    for (const keys of ["j", "k", "t", "1–9", "Ctrl+Enter", "?"]) {
      await expect(dialog.locator("kbd", { hasText: keys }).count()).resolves.toBeGreaterThan(0);
    }
    await page.keyboard.press("Escape");
    await expect(dialog.count()).resolves.toBe(0);
  });
});
