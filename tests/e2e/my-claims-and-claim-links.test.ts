import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccount, openBrowser, selectText, signIn, VIEWER, type BrowserSession, type Page } from "../support/browser";

// This file's own article and claims (by the demo editor): other files count the seed articles.
const TAG = randomUUID().slice(0, 8);
const TITLE = `Ереуілге шыққандар саны ${TAG}`;
const RETURNED_QUOTE = `300-ден астам жұмысшы ${TAG}`;
const DRAFT_QUOTE = `12 пайызға өсті ${TAG}`;
const FREE_WORDS = "екі аптаға созылды";
const TEXT = `${TITLE}. Ереуілге ${RETURNED_QUOTE} шықты. Жалақы ${DRAFT_QUOTE}. Ереуіл ${FREE_WORDS}.`;
const NOTE = `Дереккөз басқа сан келтіреді ${TAG}`;

let client: pg.Client;
let browser: BrowserSession;
let articleId: string;
let returnedId: string;
let draftId: string;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  const userId = async (email: string) => (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0].id;
  const editor = await userId(demoAccount("EDITOR").email);
  const reviewer = await userId(demoAccount("REVIEWER").email);
  articleId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, title, outlet, "bodyJson", "bodyText", "contentHash", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Азаттық', $2, $3, $4, now()) RETURNING id`,
      [TITLE, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] }), TEXT, createHash("sha256").update(TEXT).digest("hex")],
    )
  ).rows[0].id;
  const claim = async (quote: string, category: string, value: number, unit: string, status: string) => {
    const start = TEXT.indexOf(quote);
    return (
      await client.query<{ id: string }>(
        `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, unit, qualifier, status, "authorId", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 'EXACT', $8, $9, now()) RETURNING id`,
        [articleId, start, start + quote.length, quote, category, value, unit, status, editor],
      )
    ).rows[0].id;
  };
  returnedId = await claim(RETURNED_QUOTE, "OTHER", 300, "person", "RETURNED");
  draftId = await claim(DRAFT_QUOTE, "MONEY", 12, "percent", "DRAFT");
  await client.query(`INSERT INTO "Review" (id, "claimId", "reviewerId", decision, comment) VALUES (gen_random_uuid(), $1, $2, 'RETURNED', $3)`, [returnedId, reviewer, NOTE]);
  browser = await openBrowser();
  const editorAccount = demoAccount("EDITOR");
  await signIn(browser.page, editorAccount.email, editorAccount.password);
  await browser.page.waitForURL("**/articles");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (articleId) {
    await client.query(`DELETE FROM "Review" WHERE "claimId" IN (SELECT id FROM "Claim" WHERE "articleId" = $1)`, [articleId]);
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  }
  await client?.end();
});

const claimInAddress = (page: Page) => new URL(page.url()).searchParams.get("claim");

/**
 * A key press as the browser reports it with the keyboard in another layout. A plain object, not
 * KeyboardEventInit: its `view: Window` sends Playwright's argument types into endless depth.
 */
async function pressInLayout(page: Page, init: { key: string; code: string }) {
  await page.evaluate((init) => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init })), init);
}

describe("my claims", () => {
  it("lists the editor's returned claims with the reviewer's note, and a row opens the claim on its article", async () => {
    const { page } = browser;
    await page.goto("/claims?status=RETURNED,DISPUTED");
    const table = page.locator('[data-testid="my-claims"]');
    const row = table.locator(`tr[data-claim-id="${returnedId}"]`);
    await expect(row.textContent()).resolves.toContain(NOTE);
    await expect(table.locator(`tr[data-claim-id="${draftId}"]`).count()).resolves.toBe(0);
    await expect(page.locator("#mine-status").inputValue()).resolves.toBe("RETURNED,DISPUTED");

    await row.getByRole("link", { name: RETURNED_QUOTE }).click();
    await page.waitForURL(`**/articles/${articleId}?claim=${returnedId}`);
    await page.locator(`${VIEWER} .claim--active`).waitFor();
    await expect(page.locator(".workbench-panel").textContent()).resolves.toContain(RETURNED_QUOTE);
    await expect(page.evaluate(() => document.activeElement?.classList.contains("workbench-panel"))).resolves.toBe(true);
  });

  it("names a wrong state in the address at the state field", async () => {
    const { page } = browser;
    const response = await page.goto("/claims?status=RETURNED,LOST");
    expect(response?.status()).toBe(200);
    await page.getByText("“LOST” is not a claim state").waitFor();
    await expect(page.locator("#mine-status").getAttribute("aria-invalid")).resolves.toBe("true");
  });
});

describe("a claim's own address", () => {
  it("follows the claim open in the panel, without reloading the page", async () => {
    const { page } = browser;
    await page.goto(`/articles/${articleId}`);
    await page.locator(VIEWER).waitFor();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.locator(VIEWER).click({ position: { x: 2, y: 2 } });
    // "j" with the keyboard in Russian: the key printed J types "о".
    await pressInLayout(page, { key: "о", code: "KeyJ" });
    await expect.poll(() => claimInAddress(page)).toMatch(/^[0-9a-f-]{36}$/);
    await page.keyboard.press("Escape");
    await expect.poll(() => claimInAddress(page)).toBeNull();
    await expect(page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).resolves.toBe(true);
  });

  it("answers an unknown or deleted claim with a quiet notice on the article", async () => {
    const { page } = browser;
    const response = await page.goto(`/articles/${articleId}?claim=${randomUUID()}`);
    expect(response?.status()).toBe(200);
    await page.locator('[data-testid="claim-link-missing"]').waitFor();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
  });
});

describe("shortcuts by the physical key", () => {
  it("tags the selection on the key printed T while the keyboard types Cyrillic е", async () => {
    const { page } = browser;
    await page.goto(`/articles/${articleId}`);
    await page.locator(VIEWER).waitFor();
    await selectText(page, FREE_WORDS);
    await page.getByRole("button", { name: /Tag claim/ }).waitFor();
    await pressInLayout(page, { key: "е", code: "KeyT" });
    await expect(page.locator('[data-testid="claim-form"] .claim-quote').textContent()).resolves.toBe(FREE_WORDS);
    await page.keyboard.press("Escape");
  });

  it("shows the shortcuts in a modal dialog that takes focus and gives it back", async () => {
    const { page } = browser;
    await page.goto(`/articles/${articleId}`);
    await page.locator(VIEWER).waitFor();
    const opener = page.getByRole("button", { name: /^Shortcuts/ });
    await opener.focus();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    await expect(page.evaluate(() => document.activeElement?.closest("dialog")?.open)).resolves.toBe(true);
    await expect(dialog.textContent()).resolves.toContain("US (English) keyboard");
    // The page behind is inert: its shortcuts wait until the dialog is closed.
    await pressInLayout(page, { key: "о", code: "KeyJ" });
    expect(claimInAddress(page)).toBeNull();
    await page.keyboard.press("Escape");
    await expect(dialog.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Shortcuts/);
  });
});
