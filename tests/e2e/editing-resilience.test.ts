import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { demoAccount, openBrowser, selectText, signIn, type BrowserSession, type Page } from "../support/browser";

// This file's own article, claims and groups, written straight into the database and taken away
// afterwards. Claims of the category OTHER: no other end-to-end test counts those.
const TAG = randomUUID().slice(0, 8);
const QUOTES = {
  decided: `отыз екі адам ${TAG}`,
  proposedA: `он бір рет ${TAG}`,
  proposedB: `он бір мәрте ${TAG}`,
  confirmed: `он бір жиын ${TAG}`,
  tagged: `қырық бес пайыз ${TAG}`,
};

let client: pg.Client;
let browser: BrowserSession;
let articleId: string;
let editorId: string;
const groupIds: string[] = [];

async function insertClaim(quote: string, status: string, text: string) {
  const start = text.indexOf(quote);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, qualifier, status, "authorId", "queuedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'OTHER', 11, 'EXACT', $5::"ClaimStatus", $6, $7, now()) RETURNING id`,
    [articleId, start, start + quote.length, quote, status, editorId, status === "SUBMITTED" ? new Date() : null],
  );
  return rows[0].id;
}

async function insertGroup(status: "PROPOSED" | "CONFIRMED", label: string | null, claimIds: string[]) {
  const { rows } = await client.query<{ id: string }>(`INSERT INTO "ClaimGroup" (id, status, label, "updatedAt") VALUES (gen_random_uuid(), $1, $2, now()) RETURNING id`, [status, label]);
  await client.query(`UPDATE "Claim" SET "groupId" = $1 WHERE id = ANY($2::uuid[])`, [rows[0].id, claimIds]);
  groupIds.push(rows[0].id);
  return rows[0].id;
}

let text: string;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  text = `Editing ${TAG}: ${Object.values(QUOTES).join(". ")}.`;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Article" (id, title, outlet, "bodyJson", "bodyText", "contentHash", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Азаттық', $2, $3, $4, now()) RETURNING id`,
    [`Editing ${TAG}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }), text, createHash("sha256").update(text).digest("hex")],
  );
  articleId = rows[0].id;
  editorId = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demoAccount("EDITOR").email])).rows[0].id;
});

afterAll(async () => {
  if (articleId) {
    await client.query(`DELETE FROM "ClaimGroup" WHERE id = ANY($1::uuid[])`, [groupIds]);
    await client.query(`DELETE FROM "Review" WHERE "claimId" IN (SELECT id FROM "Claim" WHERE "articleId" = $1)`, [articleId]);
    await client.query(`DELETE FROM "ClaimSource" WHERE "claimId" IN (SELECT id FROM "Claim" WHERE "articleId" = $1)`, [articleId]);
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  }
  await client?.end();
});

beforeEach(async () => {
  browser = await openBrowser();
});

afterEach(async () => {
  await browser?.close();
});

async function signInAs(page: Page, account: { email: string; password: string }) {
  await signIn(page, account.email, account.password);
  await page.waitForURL("**/articles");
}

/** Makes every server action the page sends fail on the way, as a dropped network would. */
async function failServerActions(page: Page, how: "not-sent" | "answer-lost") {
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    // "answer-lost": the server gets the request and acts on it, but its answer never arrives.
    if (how === "answer-lost") await route.fetch();
    await route.abort("internetdisconnected");
  });
}

describe("a change that did not reach the server", () => {
  it("says so, keeps the decision as entered, and a retry lands it exactly once", async () => {
    const { page } = browser;
    const claimId = await insertClaim(QUOTES.decided, "SUBMITTED", text);
    const reviewer = demoAccount("REVIEWER");
    const consoleErrors: string[] = [];
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await signInAs(page, reviewer);
    await page.goto(`/review/${claimId}`);
    const decision = page.locator('[data-testid="decision-form"]');
    await decision.waitFor();
    await decision.getByRole("radio", { name: "Approve" }).check();
    await decision.getByRole("radio", { name: "Mostly true" }).check();
    await decision.getByLabel(/Comment/).fill("Ресми хабарламада расталды");

    await failServerActions(page, "not-sent");
    await decision.getByRole("button", { name: "Record decision" }).click();
    const notice = page.locator('[data-testid="not-delivered"]');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain("did not reach the server");
    // What was entered is still there, and nothing was decided.
    await expect(decision.getByRole("radio", { name: "Mostly true" }).isChecked()).resolves.toBe(true);
    await expect(decision.getByLabel(/Comment/).inputValue()).resolves.toBe("Ресми хабарламада расталды");
    await expect(decision.getByRole("button", { name: "Record decision" }).isEnabled()).resolves.toBe(true);
    const reviews = async () => (await client.query(`SELECT decision, rating, comment FROM "Review" WHERE "claimId" = $1`, [claimId])).rows;
    expect(await reviews()).toEqual([]);
    expect((await client.query(`SELECT status FROM "Claim" WHERE id = $1`, [claimId])).rows[0].status).toBe("SUBMITTED");

    await page.unroute("**/*");
    await notice.getByRole("button", { name: "Try again" }).click();
    await page.locator('[data-testid="review-status"]', { hasText: "verified" }).waitFor();
    await expect(page.locator('[data-testid="review-verdict"]').textContent()).resolves.toBe("Mostly true");
    expect(await reviews()).toEqual([{ decision: "APPROVED", rating: "MOSTLY_TRUE", comment: "Ресми хабарламада расталды" }]);
    expect(consoleErrors).toEqual([]);
  });

  it("when the decision landed but its answer was lost, trying again shows that it landed, and it lands once", async () => {
    const { page } = browser;
    const claimId = await insertClaim(QUOTES.decided, "SUBMITTED", text);
    const reviewer = demoAccount("REVIEWER");
    await signInAs(page, reviewer);
    await page.goto(`/review/${claimId}`);
    const decision = page.locator('[data-testid="decision-form"]');
    await decision.waitFor();
    await decision.getByRole("radio", { name: "Send back to the editor" }).check();
    await decision.getByLabel(/Comment/).fill("Дереккөзді қосыңыз");

    await failServerActions(page, "answer-lost");
    await decision.getByRole("button", { name: "Record decision" }).click();
    const notice = page.locator('[data-testid="not-delivered"]');
    await notice.waitFor();
    await page.unroute("**/*");
    await notice.getByRole("button", { name: "Try again" }).click();
    // The version check refuses the second sending and names who decided: the reviewer themself.
    const conflict = page.locator('[data-testid="conflict"]');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toMatch(new RegExp(`^This claim was changed by ${reviewer.name} at \\d+ \\S+ \\d{4}, \\d\\d:\\d\\d after you opened it`));
    const { rows } = await client.query(`SELECT decision FROM "Review" WHERE "claimId" = $1`, [claimId]);
    expect(rows).toEqual([{ decision: "RETURNED" }]);
    await conflict.getByRole("button", { name: "Reload" }).click();
    await page.locator('[data-testid="review-status"]', { hasText: "returned" }).waitFor();
  });
});

describe("groups keep their address", () => {
  it("merging a confirmed group from a proposal's page keeps the confirmed group's id, and the proposal's old address leads there", async () => {
    const { page } = browser;
    const proposed = await insertGroup("PROPOSED", null, [await insertClaim(QUOTES.proposedA, "DRAFT", text), await insertClaim(QUOTES.proposedB, "DRAFT", text)]);
    const confirmed = await insertGroup("CONFIRMED", `Он бір ${TAG}`, [await insertClaim(QUOTES.confirmed, "DRAFT", text)]);
    await signInAs(page, demoAccount("EDITOR"));
    await page.goto(`/ledger/groups/${proposed}`);
    const form = page.locator('[data-testid="merge-groups-form"]');
    await form.getByLabel("The same fact as").selectOption(confirmed);
    await form.getByRole("button", { name: "Merge the groups" }).click();
    await page.waitForURL(`**/ledger/groups/${confirmed}`);
    const group = page.locator(`[data-testid="group-page"][data-group-id="${confirmed}"]`);
    await group.waitFor();
    await expect(group.locator('[data-testid="group-status"]').textContent()).resolves.toBe("confirmed");
    for (const quote of [QUOTES.proposedA, QUOTES.proposedB, QUOTES.confirmed]) await group.getByText(quote).first().waitFor();

    // The old address of the proposal, as a bookmark or a message would have it.
    const response = await page.goto(`/ledger/groups/${proposed}`);
    expect(new URL(page.url()).pathname).toBe(`/ledger/groups/${confirmed}`);
    expect(response?.status()).toBe(200);
    await page.locator(`[data-testid="group-page"][data-group-id="${confirmed}"]`).waitFor();

    const { rows } = await client.query(`SELECT "entityId", after FROM "AuditEvent" WHERE action = 'group.merge' AND "entityId" = ANY($1) ORDER BY id`, [[proposed, confirmed]]);
    expect(rows.map((r) => r.entityId)).toEqual([confirmed, proposed]);
    expect(rows[1].after).toEqual({ mergedInto: confirmed });
  });
});

describe("pages that are not there, in the reader's language", () => {
  it("answers an unknown address, a missing article and a gone group in Kazakh, with a way back", async () => {
    const { page, context } = browser;
    const editor = DEMO_ACCOUNTS.find((a) => a.role === "EDITOR")!;
    await signInAs(page, editor);
    await context.addCookies([{ name: "derek-locale", value: "kk", url: inject("appUrl") }]);

    for (const [path, title, back, backHref] of [
      ["/no-such-page", "Бет табылмады", "Мақалаларға оралу", "/articles"],
      [`/articles/${randomUUID()}`, "Бет табылмады", "Мақалаларға оралу", "/articles"],
      [`/ledger/groups/${randomUUID()}`, "Топ табылмады", "Топтарға оралу", "/ledger/groups"],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      const notFound = page.locator('[data-testid="not-found"]');
      await notFound.waitFor();
      await expect(notFound.locator("h1").textContent()).resolves.toBe(title);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("kk");
      const body = await page.locator("body").innerText();
      expect(body).not.toContain("This page could not be found");
      expect(body).not.toMatch(/\b404\b/);
      await expect(notFound.getByRole("link", { name: back }).getAttribute("href")).resolves.toBe(backHref);
    }
    await page.locator('[data-testid="not-found"]').getByRole("link", { name: "Топтарға оралу" }).click();
    await page.waitForURL("**/ledger/groups");
  });
});

describe("a half-filled claim form", () => {
  it("asks before a link or closing the page throws the input away", async () => {
    const { page } = browser;
    await signInAs(page, demoAccount("EDITOR"));
    await page.goto(`/articles/${articleId}`);
    await page.locator('[data-testid="article-viewer"] .ProseMirror').waitFor();
    await selectText(page, QUOTES.tagged);
    await page.getByRole("button", { name: /Tag claim/ }).click();
    const form = page.locator('[data-testid="claim-form"]');
    await form.getByLabel("Value").fill("45");

    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "Ledger", exact: true }).click();
    await expect.poll(() => dialogs).toEqual(["confirm"]);
    expect(new URL(page.url()).pathname).toBe(`/articles/${articleId}`);
    await expect(form.getByLabel("Value").inputValue()).resolves.toBe("45");

    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(["confirm", "beforeunload"]);
  });
});
