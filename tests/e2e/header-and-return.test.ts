import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoAccount, openBrowser, signIn, type BrowserSession } from "../support/browser";

// The way around Derek without a mouse or a wide screen, and back to the page a link promised
// after signing in.

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

describe("a visitor who is not signed in", () => {
  it("comes back to the filtered ledger link they followed, query and all, after signing in", async () => {
    const { page } = browser;
    const link = "/ledger?category=VOTE_SHARE&sort=value&dir=asc";
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe("/signin");
    const editor = demoAccount("EDITOR");
    await page.getByLabel("Email").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/ledger");
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`).toBe(link);
  });
});

describe("the header", () => {
  it("folds into a menu on a phone, opened and closed from the keyboard", async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 800 });
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    const menu = page.getByRole("button", { name: "Menu" });
    const ledgerLink = page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Ledger" });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await ledgerLink.isVisible()).toBe(false);

    await menu.focus();
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await ledgerLink.isVisible()).toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe("topbar-menu");

    // A link followed from the menu closes it on the new page.
    await page.keyboard.press("Enter");
    await ledgerLink.click();
    await page.waitForURL("**/ledger");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    // On a desktop the links are always there and the button is not.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await menu.isVisible()).toBe(false);
    expect(await ledgerLink.isVisible()).toBe(true);
  });

  it("starts with a skip link that takes the keyboard past it to the page's content", async () => {
    const { page } = browser;
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    // A page as it is first loaded: the first Tab starts at the top.
    await page.reload();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });
});
