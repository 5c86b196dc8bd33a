import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoAccount, openBrowser, selectText, signIn, type BrowserSession, type Page } from "../support/browser";

// A seed article no other end-to-end test tags, so its claims are this test's alone.
const ARTICLE_START = "12 маусымда түстен кейін";
const QUOTE = "20-дан астам белсенді";

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

async function signInAs(page: Page, role: "EDITOR" | "REVIEWER") {
  const account = demoAccount(role);
  await signIn(page, account.email, account.password);
  await page.waitForURL("**/articles");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/signin**");
}

async function openArticle(page: Page) {
  await page.goto("/articles");
  await page.locator('[data-testid="article-list"] a', { hasText: ARTICLE_START }).first().click();
  await page.locator('[data-testid="article-viewer"] .ProseMirror').waitFor();
}

async function historyLines(page: Page) {
  await page.locator('[data-testid="history"] li').first().waitFor();
  return page.locator('[data-testid="history"] li span').allTextContents();
}

describe("the review workflow", () => {
  it("an editor submits a claim and cannot approve it; a reviewer approves it as true; the editor sees it verified with both steps in its history", async () => {
    const { page } = browser;
    const editor = demoAccount("EDITOR");
    const reviewer = demoAccount("REVIEWER");

    // The editor tags the figure and submits it for review.
    await signInAs(page, "EDITOR");
    await openArticle(page);
    await selectText(page, QUOTE);
    await page.getByRole("button", { name: /Tag claim/ }).click();
    const form = page.locator('[data-testid="claim-form"]');
    await form.getByLabel("Category").selectOption("OTHER");
    await form.getByLabel("Value").fill("20");
    await form.getByLabel("Unit").fill("белсенді");
    await form.getByLabel("Qualifier").selectOption("MORE_THAN");
    await form.getByRole("button", { name: "Save claim" }).click();
    const details = page.locator('[data-testid="claim-details"]');
    await details.waitFor();
    const claimId = await details.getAttribute("data-claim-id");
    expect(claimId).toMatch(/^[0-9a-f-]{36}$/);
    await details.getByRole("button", { name: /Submit for review/ }).click();
    await details.locator(".status", { hasText: "awaiting review" }).waitFor();

    // Their own claim's review page shows it, but offers no decision.
    await page.goto(`/review/${claimId}`);
    await page.locator('[data-testid="review-page"]').waitFor();
    await expect(page.locator('[data-testid="review-status"]').textContent()).resolves.toBe("awaiting review");
    await page.locator('[data-testid="own-claim"]').waitFor();
    await expect(page.locator('[data-testid="decision-form"]').count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Record decision" }).count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="review-paragraph"] mark').textContent()).resolves.toBe(QUOTE);
    // An editor has no queue.
    await expect(page.locator('[data-testid="nav-review"]').count()).resolves.toBe(0);
    await signOut(page);

    // The reviewer finds it in the queue and approves it as true.
    await signInAs(page, "REVIEWER");
    await expect(page.locator('[data-testid="nav-review"]').textContent()).resolves.toMatch(/^Review \([1-9]\d*\)$/);
    await page.locator('[data-testid="nav-review"]').click();
    const row = page.locator(`[data-testid="review-queue"] tr[data-claim-id="${claimId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(editor.name);
    await row.getByRole("link", { name: QUOTE }).click();
    const decision = page.locator('[data-testid="decision-form"]');
    await decision.waitFor();
    await decision.getByRole("radio", { name: "Approve" }).check();
    // Approving without a verdict is answered beside the verdicts, and nothing is decided.
    await decision.getByRole("button", { name: "Record decision" }).click();
    await decision.getByText("Choose a verdict to approve the claim.").waitFor();
    await decision.getByRole("radio", { name: "True", exact: true }).check();
    await decision.getByRole("button", { name: "Record decision" }).click();
    await page.locator('[data-testid="review-status"]', { hasText: "verified" }).waitFor();
    await expect(page.locator('[data-testid="review-verdict"]').textContent()).resolves.toBe("True");
    await expect(page.locator('[data-testid="decision-form"]').count()).resolves.toBe(0);
    await page.locator('[data-testid="reopen-form"]').waitFor();
    await signOut(page);

    // The editor sees the claim verified in the article, and its history lists both steps.
    await signInAs(page, "EDITOR");
    await openArticle(page);
    await page.locator('[data-testid="claim-list"] button', { hasText: QUOTE }).first().click();
    const panel = page.locator(`[data-testid="claim-details"][data-claim-id="${claimId}"]`);
    await panel.locator(".status", { hasText: "verified" }).waitFor();
    await expect(panel.locator('[data-testid="claim-verdict"]').textContent()).resolves.toBe("True");
    await panel.getByRole("link", { name: "History and comments" }).click();
    await page.waitForURL(`**/review/${claimId}`);
    const lines = await historyLines(page);
    expect(lines).toEqual([`${editor.name} tagged the claim`, `${editor.name} submitted for review`, `${reviewer.name} approved: true`]);
  });
});
