import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { BackupParser } from "@/lib/backup/parse-backup";
import { demoAccount, openBrowser, signIn, type BrowserSession } from "../support/browser";

// Two admin duties, end to end: taking a full backup (which holds deleted claims, unlike the
// ledger), and giving an account a new password (which ends the sessions it had open). This
// file's own article, claim and account, written straight into the database and taken away again:
// other files count the seed articles and sign in with the demo accounts.

const TAG = randomUUID().slice(0, 8);
const TEXT = `Сақтық көшірме ${TAG}: 1200 адам ұсталды, деп хабарлады ІІМ. Кейін 300 адам босатылды.`;
const QUOTE = "1200 адам ұсталды";
const LIVE_QUOTE = "300 адам босатылды";
const EMAIL = `kupiyasoz-${TAG}@derek.test`;
const NAME = "Құпиясөз Тексеруші";
const OLD_PASSWORD = "eski-kupiyasoz-demo";
const NEW_PASSWORD = "zhana-kupiyasoz-demo";

let client: pg.Client;
let articleId: string;
let liveClaimId: string;
let deletedClaimId: string;
let userId: string;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  articleId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, title, "bodyJson", "bodyText", "contentHash", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
      [`Сақтық көшірме ${TAG}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] }), TEXT, createHash("sha256").update(TEXT).digest("hex")],
    )
  ).rows[0].id;
  const author = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demoAccount("EDITOR").email])).rows[0].id;
  const claim = async (quote: string) => {
    const start = TEXT.indexOf(quote);
    return (
      await client.query<{ id: string }>(
        `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, "authorId", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 'DETENTION_COUNT', $5, $6, now()) RETURNING id`,
        [articleId, start, start + quote.length, quote, Number.parseInt(quote), author],
      )
    ).rows[0].id;
  };
  liveClaimId = await claim(LIVE_QUOTE);
  deletedClaimId = await claim(QUOTE);
  // Deleted as Derek deletes a claim: the row stays, with the moment it was deleted.
  await client.query(`UPDATE "Claim" SET "deletedAt" = now() WHERE id = $1`, [deletedClaimId]);
  userId = (
    await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'EDITOR', now()) RETURNING id`,
      [EMAIL, NAME, await hashPassword(OLD_PASSWORD)],
    )
  ).rows[0].id;
});

afterAll(async () => {
  // Other tests count the seed articles: take this file's article and claims away again. The account
  // is named by nothing but the audit trail's entity id (the admin is the actor), so it can go too.
  if (articleId) {
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  }
  if (userId) await client.query(`DELETE FROM "User" WHERE id = $1`, [userId]);
  await client?.end();
});

let admin: BrowserSession;
let other: BrowserSession;
beforeEach(async () => {
  admin = await openBrowser();
  other = await openBrowser();
});
afterEach(async () => {
  await admin?.close();
  await other?.close();
});

async function signInAs(session: BrowserSession, email: string, password: string) {
  await signIn(session.page, email, password);
  await session.page.waitForURL("**/articles");
}

describe("a full backup", () => {
  it("is downloaded by an admin from the Backups page and holds every stored claim, the deleted one too", async () => {
    const { page } = admin;
    const account = demoAccount("ADMIN");
    await signInAs(admin, account.email, account.password);
    await page.getByRole("link", { name: "Backups", exact: true }).click();
    await page.waitForURL("**/admin/restore");
    await page.getByRole("heading", { name: "Backup and restore" }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download a full backup" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^derek-backup-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const bytes = await readFile((await download.path())!);
    const lines = bytes.toString("utf8").split("\n");
    expect(lines.pop()).toBe(""); // every line, the last included, ends with a line break
    const records = lines.map((line) => JSON.parse(line) as { type: string; [field: string]: unknown });

    expect(records[0]).toEqual({ type: "derek-export", version: 1, exportedAt: expect.any(String), filter: {}, complete: true });
    expect(Number.isNaN(Date.parse(records[0].exportedAt as string))).toBe(false);

    // Every claim stored, counted in the database, not in the ledger (which leaves deleted ones out).
    const stored = await client.query<{ id: string; deletedAt: Date | null }>(`SELECT id, "deletedAt" FROM "Claim" ORDER BY id`);
    const claims = records.filter((r) => r.type === "claim");
    expect(claims).toHaveLength(stored.rowCount!);
    expect(claims.map((c) => c.id).sort()).toEqual(stored.rows.map((r) => r.id).sort());
    const deleted = claims.find((c) => c.id === deletedClaimId);
    expect(deleted?.deletedAt).toBe(stored.rows.find((r) => r.id === deletedClaimId)!.deletedAt!.toISOString());
    expect(deleted?.quote).toBe(QUOTE);
    expect(claims.find((c) => c.id === liveClaimId)?.deletedAt).toBeNull();

    // Every article too, this file's included, and an end record whose counts agree.
    const articles = await client.query<{ id: string }>(`SELECT id FROM "Article"`);
    expect(records.filter((r) => r.type === "article").map((a) => a.id).sort()).toEqual(articles.rows.map((r) => r.id).sort());
    const trailer = records.at(-1)!;
    expect(trailer.type).toBe("end");
    expect(trailer.claims).toBe(stored.rowCount);
    expect(trailer.articles).toBe(articles.rowCount);

    // And it is a file the restore reads: valid records of this version, its counts matching.
    const parser = new BackupParser(bytes);
    let parsed = 0;
    for await (const _record of parser.records()) parsed++;
    expect(parsed).toBe(records.length - 2);
    expect(parser.header?.complete).toBe(true);
  });

  it("is refused to an editor, as JSON, even with a valid session", async () => {
    const { page } = other;
    const editor = demoAccount("EDITOR");
    await signInAs(other, editor.email, editor.password);
    const response = await page.request.get("/api/backup");
    expect(response.status()).toBe(403);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["content-disposition"]).toBeUndefined();
    expect(await response.json()).toEqual({ code: "forbidden", error: "Your role does not allow this.", messageCode: "libAuth.policy.roleNotAllowed" });
  });
});

describe("an admin sets a user's password", () => {
  it("ends the user's open session; the old password stops working and the new one works", async () => {
    await signInAs(other, EMAIL, OLD_PASSWORD);
    await other.page.getByText(`${NAME} · Editor`).waitFor();

    const account = demoAccount("ADMIN");
    await signInAs(admin, account.email, account.password);
    const { page } = admin;
    await page.getByRole("link", { name: "Users", exact: true }).click();
    await page.waitForURL("**/admin/users");
    await page.locator(`tr[data-email="${EMAIL}"]`).getByRole("button", { name: "Set password" }).click();
    const form = page.getByRole("form", { name: `Set a new password for ${EMAIL}` });
    const fieldLabel = `New password for ${EMAIL}`;
    const field = form.getByLabel(fieldLabel);

    // Too short: said beside the field, which points at the message; nothing is changed.
    await field.fill("short");
    await form.getByRole("button", { name: "Save the new password" }).click();
    await form.locator('input[aria-invalid="true"]').waitFor();
    const describedBy = await field.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    expect(await form.locator(`[id="${describedBy}"]`).textContent()).toBe("Use at least 12 characters.");
    expect(await form.locator(".field", { has: page.getByLabel(fieldLabel) }).locator(".field-error").textContent()).toBe("Use at least 12 characters.");
    expect(await form.getByRole("status").count()).toBe(0);
    expect((await client.query(`SELECT "passwordChangedAt" FROM "User" WHERE id = $1`, [userId])).rows[0].passwordChangedAt).toBeNull();
    // The user's session is still good at this point, so what follows is the new password's doing.
    await other.page.goto("/articles");
    expect(new URL(other.page.url()).pathname).toBe("/articles");

    await field.fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Save the new password" }).click();
    await form.getByRole("status").filter({ hasText: `New password set for ${EMAIL}; any session they had open has ended.` }).waitFor();
    expect(await field.inputValue()).toBe("");
    expect(await form.locator('input[aria-invalid="true"]').count()).toBe(0);

    // The session the user signed in with before is over.
    await other.page.goto("/articles");
    expect(new URL(other.page.url()).pathname).toBe("/signin");

    await signIn(other.page, EMAIL, OLD_PASSWORD);
    expect(await other.page.locator(".form-error").textContent()).toBe("Wrong email or password.");
    expect(new URL(other.page.url()).pathname).toBe("/signin");

    await signInAs(other, EMAIL, NEW_PASSWORD);
    await other.page.getByText(`${NAME} · Editor`).waitFor();

    // The admin's own session is untouched.
    await page.reload();
    expect(new URL(page.url()).pathname).toBe("/admin/users");
    await page.locator(`tr[data-email="${EMAIL}"]`).waitFor();
  });
});
