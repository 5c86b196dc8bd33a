import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { openBrowser, signIn, type BrowserSession } from "../support/browser";

// A user changes their own password on "Your account", end to end. The account is this file's own,
// written straight into the database: other files sign in with the demo accounts. It stays,
// deactivated, afterwards: the audit trail names it as the one who changed the password.

const TAG = randomUUID().slice(0, 8);
const EMAIL = `esep-${TAG}@derek.test`;
const NAME = "Есеп Иесі";
const OLD_PASSWORD = "eski-kupiyasoz-esep";
const NEW_PASSWORD = "zhana-kupiyasoz-esep";

let client: pg.Client;
let userId: string;
let browser: BrowserSession;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  userId = (
    await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, 'REVIEWER', now()) RETURNING id`,
      [EMAIL, NAME, await hashPassword(OLD_PASSWORD)],
    )
  ).rows[0].id;
});
afterAll(async () => {
  if (userId) await client.query(`UPDATE "User" SET active = false WHERE id = $1`, [userId]);
  await client?.end();
});
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

describe("your account", () => {
  it("changes your own password: mistakes are named at their fields, then you sign in again with the new one", async () => {
    const { page } = browser;
    await signIn(page, EMAIL, OLD_PASSWORD);
    await page.waitForURL("**/articles");
    await page.getByRole("link", { name: new RegExp(NAME) }).click();
    await page.waitForURL("**/account");
    await page.getByRole("heading", { name: "Your account" }).waitFor();

    const current = page.getByLabel("Current password");
    const fresh = page.getByLabel("New password", { exact: true });
    const repeat = page.getByLabel("Repeat the new password");
    const submit = page.getByRole("button", { name: "Change password" });
    const errorOf = (label: string) => page.locator(".field", { has: page.getByLabel(label, { exact: true }) }).locator(".field-error");

    // The repeat does not match: said at the repeat, before anything is sent.
    await current.fill(OLD_PASSWORD);
    await fresh.fill(NEW_PASSWORD);
    await repeat.fill(`${NEW_PASSWORD}x`);
    await submit.click();
    await errorOf("Repeat the new password").filter({ hasText: "The two new passwords do not match." }).waitFor();

    // A wrong current password: refused by the server, at the current password's field.
    await current.fill("not-my-password-at-all");
    await repeat.fill(NEW_PASSWORD);
    await submit.click();
    await errorOf("Current password").filter({ hasText: "That is not your current password." }).waitFor();
    const unchanged = await client.query(`SELECT "passwordChangedAt" FROM "User" WHERE id = $1`, [userId]);
    expect(unchanged.rows[0].passwordChangedAt).toBeNull();

    // Right: the session ends and the sign-in page says why.
    await current.fill(OLD_PASSWORD);
    await submit.click();
    await page.waitForURL("**/signin?passwordChanged=1");
    await page.getByRole("status").filter({ hasText: /password has been changed/i }).waitFor();
    const changed = await client.query(`SELECT "passwordChangedAt" FROM "User" WHERE id = $1`, [userId]);
    expect(changed.rows[0].passwordChangedAt).not.toBeNull();

    await signIn(page, EMAIL, OLD_PASSWORD);
    expect(await page.locator(".form-error").textContent()).toBe("Wrong email or password.");
    await signIn(page, EMAIL, NEW_PASSWORD);
    await page.waitForURL("**/articles");
    await page.getByRole("link", { name: new RegExp(NAME) }).waitFor();
  });
});
