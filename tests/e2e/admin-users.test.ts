import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoAccount, openBrowser, signIn, type BrowserSession } from "../support/browser";

let admin: BrowserSession;
let member: BrowserSession;
beforeEach(async () => {
  admin = await openBrowser();
  member = await openBrowser();
});
afterEach(async () => {
  await admin?.close();
  await member?.close();
});

describe("an admin manages users", () => {
  it("creates a user, whose session stops working once the admin deactivates them", async () => {
    const email = `aliya.${Date.now()}@derek.local`;
    const password = "a-long-enough-password";
    const adminAccount = demoAccount("ADMIN");
    await signIn(admin.page, adminAccount.email, adminAccount.password);
    await admin.page.waitForURL("**/articles");
    await admin.page.goto("/admin/users");

    // Bad input first: the form says what is wrong beside each field.
    await admin.page.getByRole("button", { name: "Add user" }).click();
    await admin.page.getByText("Enter a name.").waitFor();
    await admin.page.getByText("Use at least 12 characters.").waitFor();

    await admin.page.getByLabel("Name", { exact: true }).fill("Әлия Тестова");
    await admin.page.getByLabel("Email", { exact: true }).fill(email);
    await admin.page.getByLabel("Role", { exact: true }).selectOption("REVIEWER");
    await admin.page.getByLabel("Initial password").fill(password);
    await admin.page.getByRole("button", { name: "Add user" }).click();
    await admin.page.getByRole("status").filter({ hasText: `Created ${email}` }).waitFor();

    await signIn(member.page, email, password);
    await member.page.waitForURL("**/articles");
    await member.page.getByText("Әлия Тестова · Reviewer").waitFor();

    // A second account with the same email is refused beside the email field.
    await admin.page.getByLabel("Name", { exact: true }).fill("Duplicate");
    await admin.page.getByLabel("Email", { exact: true }).fill(email.toUpperCase());
    await admin.page.getByLabel("Initial password").fill(password);
    await admin.page.getByRole("button", { name: "Add user" }).click();
    await admin.page.getByText("A user with this email already exists.").waitFor();

    await admin.page.reload();
    const row = admin.page.locator(`tr[data-email="${email}"]`);
    await row.getByRole("button", { name: "Deactivate" }).click();
    await row.getByText("deactivated").waitFor();

    await member.page.goto("/articles");
    expect(new URL(member.page.url()).pathname).toBe("/signin");
  });

  it("keeps the users page from a non-admin", async () => {
    const editor = demoAccount("EDITOR");
    await signIn(member.page, editor.email, editor.password);
    await member.page.waitForURL("**/articles");
    await member.page.goto("/admin/users");
    await expect(member.page.locator(".form-error").textContent()).resolves.toBe("Only an admin can manage users.");
    expect(await member.page.locator('[data-testid="user-list"]').count()).toBe(0);
  });
});
