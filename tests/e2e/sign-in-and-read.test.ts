import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_TEXTS_DIR } from "../support/paths";
import { demoAccount, openBrowser, signIn, type BrowserSession } from "../support/browser";

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

describe("an editor signs in and reads an article", () => {
  it("lists the five seed articles and shows an article's Kazakh text exactly", async () => {
    const { page } = browser;
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");

    const files = (await readdir(SEED_TEXTS_DIR)).filter((f) => f.endsWith(".txt")).sort();
    const titles = await page.locator('[data-testid="article-list"] tbody tr td:first-child a').allTextContents();
    expect(titles).toHaveLength(files.length);
    for (const file of files) {
      const firstLine = (await readFile(path.join(SEED_TEXTS_DIR, file), "utf8")).split("\n")[0].trim();
      expect(titles.some((t) => firstLine.startsWith(t.replace(/…$/, "")))).toBe(true);
    }

    const text = await readFile(path.join(SEED_TEXTS_DIR, "001_297095da23eb7edd.txt"), "utf8"); // no other test edits this article
    await page.getByRole("link", { name: text.split("\n")[0].trim().slice(0, 40) }).click();
    const viewer = page.locator('[data-testid="article-viewer"] .ProseMirror');
    await viewer.waitFor();
    const shown = await viewer.evaluate((root) => Array.from(root.children, (p) => p.textContent ?? "").join("\n"));
    expect(shown).toBe(text);
  });

  it("refuses a wrong password without telling whether the account exists", async () => {
    const { page } = browser;
    await signIn(page, demoAccount("EDITOR").email, "not-the-password");
    const wrongPassword = await page.locator(".form-error").textContent();
    await signIn(page, "nobody@derek.local", "not-the-password");
    const unknownAccount = await page.locator(".form-error").textContent();
    expect(wrongPassword).toBe("Wrong email or password.");
    expect(unknownAccount).toBe(wrongPassword);
    expect(new URL(page.url()).pathname).toBe("/signin");
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const { page } = browser;
    await page.goto("/articles");
    expect(new URL(page.url()).pathname).toBe("/signin");
    await page.goto("/admin/users");
    expect(new URL(page.url()).pathname).toBe("/signin");
  });
});
