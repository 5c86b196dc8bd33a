import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { demoAccount, openBrowser, selectText, signIn, type BrowserSession, type Page } from "../support/browser";

// A seed article no other end-to-end test tags, so its claims are this test's alone.
const ARTICLE_START = "12 маусымда түстен кейін";
const QUOTE = "20-дан астам белсенді";
const RACED_QUOTE = "17 сәуірде";

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

async function signInAs(page: Page, role: "EDITOR" | "REVIEWER" | "REVIEWER2") {
  const account = role === "REVIEWER2" ? DEMO_ACCOUNTS.find((a) => a.email.startsWith("reviewer2@"))! : demoAccount(role);
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

/** Tags `quote` as a dated claim and submits it; returns the claim's id. */
async function tagAndSubmit(page: Page, quote: string) {
  await openArticle(page);
  await selectText(page, quote);
  await page.getByRole("button", { name: /Tag claim/ }).click();
  const form = page.locator('[data-testid="claim-form"]');
  await form.getByLabel("Category").selectOption("DATE");
  await form.getByRole("button", { name: "Save claim" }).click();
  const details = page.locator('[data-testid="claim-details"]');
  await details.waitFor();
  const claimId = (await details.getAttribute("data-claim-id"))!;
  await details.getByRole("button", { name: /Submit for review/ }).click();
  await details.locator(".status", { hasText: "awaiting review" }).waitFor();
  return claimId;
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
    await form.getByLabel("Unit").selectOption("белсенді");
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

  it("two reviewers decide the same claim: the second is told who decided first and reloads; comments show in order", async () => {
    const { page } = browser;
    await signInAs(page, "EDITOR");
    const claimId = await tagAndSubmit(page, RACED_QUOTE);
    await page.goto(`/review/${claimId}`);
    const comments = page.locator('[data-testid="comment-form"]');
    await comments.getByRole("button", { name: "Add comment" }).click();
    await comments.getByText("Write a comment first.").waitFor();
    await comments.getByLabel("Add a comment").fill("Сот хатшысынан расталды");
    await comments.getByRole("button", { name: "Add comment" }).click();
    await page.locator('[data-testid="comments"] li', { hasText: "Сот хатшысынан расталды" }).waitFor();
    await signOut(page);

    // Both reviewers open the claim before either decides.
    const other = await openBrowser();
    try {
      await signInAs(page, "REVIEWER");
      await signInAs(other.page, "REVIEWER2");
      for (const p of [page, other.page]) {
        await p.goto(`/review/${claimId}`);
        await p.locator('[data-testid="decision-form"]').waitFor();
      }
      const first = page.locator('[data-testid="decision-form"]');
      await first.getByRole("radio", { name: "Mostly true" }).check();
      await first.getByRole("button", { name: "Record decision" }).click();
      await page.locator('[data-testid="review-status"]', { hasText: "verified" }).waitFor();

      const second = other.page.locator('[data-testid="decision-form"]');
      await second.getByRole("radio", { name: "Send back to the editor" }).check();
      await second.getByRole("button", { name: "Record decision" }).click();
      await second.getByText("Say what the editor should change.").waitFor();
      await second.getByLabel("Comment for the editor").fill("Күні дұрыс емес");
      await second.getByRole("button", { name: "Record decision" }).click();
      const conflict = other.page.locator('[data-testid="conflict"]');
      await conflict.waitFor();
      await expect(conflict.textContent()).resolves.toMatch(new RegExp(`^This claim was changed by ${demoAccount("REVIEWER").name} at \\d+ \\S+ \\d{4}, \\d\\d:\\d\\d after you opened it\\. Reload`));
      await conflict.getByRole("button", { name: "Reload" }).click();
      await other.page.locator('[data-testid="review-status"]', { hasText: "verified" }).waitFor();
      await expect(other.page.locator('[data-testid="decision-form"]').count()).resolves.toBe(0);

      const lines = await historyLines(other.page);
      expect(lines.filter((line) => / approved: | returned it /.test(line))).toEqual([`${demoAccount("REVIEWER").name} approved: mostly true`]);
      expect(lines).toContain(`${demoAccount("EDITOR").name} commented: Сот хатшысынан расталды`);

      // The activity feed, filtered to approvals, lists it with a link back to the claim.
      await other.page.goto("/activity?action=claim.approve");
      await other.page.locator(`[data-testid="activity"] a[href="/review/${claimId}"]`).first().waitFor();
      await other.page.goto("/activity?action=claim.eat&from=2026-02-30");
      await other.page.getByText("Unknown action.").waitFor();
      await other.page.getByText("The “from” date must be a real date as YYYY-MM-DD.").waitFor();
    } finally {
      await other.close();
    }
  });
});
