import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { demoAccount, openBrowser, signIn, type BrowserSession, type Page } from "../support/browser";

// A returned claim reaches its author: the header tells them, the Mentions page shows the comment
// naming them, the claim's panel shows the reason and the thread, and their answer reaches the
// reviewer. The editor, article and claim are this file's own, so the header's counts are exact.

const TAG = randomUUID().slice(0, 8);
const EDITOR = { email: `saule-${TAG}@derek.test`, name: `Сәуле Жанқожа ${TAG}`, password: "saule-demo-password" };
const QUOTE = `300-ден астам жұмысшы ${TAG}`;
const TEXT = `Жаңаөзенде ${QUOTE} ереуілге шықты. Компания жалақыны көтеруге уәде берді.`;

let client: pg.Client;
let browser: BrowserSession;
let articleId: string;
let claimId: string;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  const editorId = (
    await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'EDITOR', now()) RETURNING id`,
      [EDITOR.email, EDITOR.name, await hashPassword(EDITOR.password)],
    )
  ).rows[0].id;
  articleId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, title, "bodyJson", "bodyText", "contentHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
      [`Жаңаөзен ереуілі ${TAG}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] }), TEXT, createHash("sha256").update(TEXT).digest("hex")],
    )
  ).rows[0].id;
  const start = TEXT.indexOf(QUOTE);
  claimId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, unit, qualifier, status, "queuedAt", "authorId", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'OTHER', 300, 'person', 'MORE_THAN', 'SUBMITTED', now(), $5, now()) RETURNING id`,
      [articleId, start, start + QUOTE.length, QUOTE, editorId],
    )
  ).rows[0].id;
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  // Other tests count the articles: take this file's rows away again (a comment's mentions go with it).
  if (claimId) {
    await client.query(`DELETE FROM "Comment" WHERE "claimId" = $1`, [claimId]);
    await client.query(`DELETE FROM "Review" WHERE "claimId" = $1`, [claimId]);
    await client.query(`DELETE FROM "Claim" WHERE id = $1`, [claimId]);
  }
  if (articleId) await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  await client?.end();
});

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/signin**");
}

describe("a returned claim", () => {
  it("reaches its author through the header, the Mentions page and the claim's panel, and the answer reaches the reviewer", async () => {
    const { page } = browser;
    const reviewer = demoAccount("REVIEWER");

    // The reviewer sends the claim back, then names the editor in a comment, picking them after "@".
    await signIn(page, reviewer.email, reviewer.password);
    await page.waitForURL("**/articles");
    await page.goto(`/review/${claimId}`);
    const decision = page.locator('[data-testid="decision-form"]');
    await decision.getByRole("radio", { name: "Send back to the editor" }).check();
    await decision.getByLabel("Comment for the editor").fill("Дереккөз жоқ: компанияның хабарламасын қосыңыз.");
    await decision.getByRole("button", { name: "Record decision" }).click();
    await page.locator('[data-testid="review-status"]', { hasText: "returned" }).waitFor();
    const comments = page.locator('[data-testid="comment-form"]');
    const body = comments.getByLabel("Add a comment");
    await body.pressSequentially("@Сәуле Жан");
    await comments.getByRole("button", { name: `Mention ${EDITOR.name}` }).click();
    await body.pressSequentially("сілтемені осында қалдырыңыз");
    expect(await body.inputValue()).toBe(`@${EDITOR.name} сілтемені осында қалдырыңыз`);
    await comments.getByRole("button", { name: "Add comment" }).click();
    await page.locator('[data-testid="comments"] li', { hasText: "сілтемені осында қалдырыңыз" }).waitFor();
    await signOut(page);

    // The editor is told in the header.
    await signIn(page, EDITOR.email, EDITOR.password);
    await page.waitForURL("**/articles");
    expect(await page.locator('[data-testid="nav-returned"]').textContent()).toBe("Returned to you (1)");
    expect(await page.locator('[data-testid="nav-returned"]').getAttribute("href")).toBe("/claims?status=RETURNED,DISPUTED");
    expect(await page.locator('[data-testid="nav-mentions"]').textContent()).toBe("Mentions (1)");

    // The Mentions page shows the comment with its claim and a link to it, and marks it read.
    await page.locator('[data-testid="nav-mentions"]').click();
    const mention = page.locator('[data-testid="mention"]', { hasText: "сілтемені осында қалдырыңыз" });
    await mention.waitFor();
    expect(await mention.textContent()).toContain(QUOTE);
    await mention.locator('[data-testid="mention-new"]').waitFor();
    expect(await mention.locator('[data-testid="mention-claim"]').getAttribute("href")).toBe(`/articles/${articleId}?claim=${claimId}`);
    await page.locator('[data-testid="nav-mentions"]', { hasText: "Mentions (0)" }).waitFor();

    // The claim's panel shows the reason and the comment, in order, above the buttons; the editor answers there.
    await page.goto(`/articles/${articleId}`);
    await page.locator('[data-testid="claim-list"] button', { hasText: QUOTE }).first().click();
    const thread = page.locator(`[data-testid="claim-details"][data-claim-id="${claimId}"] [data-testid="claim-thread"]`);
    const entries = thread.locator('[data-testid="thread-entries"] li');
    await entries.nth(1).waitFor();
    expect(await entries.nth(0).textContent()).toContain("Returned");
    expect(await entries.nth(0).textContent()).toContain("Дереккөз жоқ: компанияның хабарламасын қосыңыз.");
    expect(await entries.nth(1).textContent()).toContain("сілтемені осында қалдырыңыз");
    const reply = thread.locator('[data-testid="thread-reply"]');
    await reply.getByRole("button", { name: "Answer" }).click();
    await reply.getByText("Write a comment first.").waitFor();
    await reply.getByLabel("Your answer").fill("Хабарламаны қостым, қайта қараңыз.");
    await reply.getByRole("button", { name: "Answer" }).click();
    await entries.nth(2).waitFor();
    expect(await entries.nth(2).textContent()).toContain("Хабарламаны қостым, қайта қараңыз.");
    expect(await reply.getByLabel("Your answer").inputValue()).toBe("");
    await signOut(page);

    // The reviewer reads the answer on the claim's review page.
    await signIn(page, reviewer.email, reviewer.password);
    await page.waitForURL("**/articles");
    await page.goto(`/review/${claimId}`);
    await page.locator('[data-testid="comments"] li', { hasText: "Хабарламаны қостым, қайта қараңыз." }).waitFor();
  });
});
