import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { demoAccount, openBrowser, selectText, signIn, VIEWER, type BrowserSession, type Page } from "../support/browser";

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

/**
 * Collects what Chromium reports against the page's Content-Security-Policy: the
 * securitypolicyviolation events of every document, and console errors that name the policy.
 */
async function watchViolations(session: BrowserSession): Promise<string[]> {
  const violations: string[] = [];
  await session.context.exposeFunction("__derekCspViolation", (what: string) => violations.push(what));
  await session.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __derekCspViolation(what: string): void }).__derekCspViolation(`${event.violatedDirective} ${event.blockedURI} at ${location.pathname}`);
    });
  });
  session.page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function signInAs(page: Page, role: "EDITOR" | "REVIEWER" | "ADMIN") {
  const account = demoAccount(role);
  await signIn(page, account.email, account.password);
  await page.waitForURL("**/articles");
}

describe("security headers", () => {
  it("sends every page a nonce Content-Security-Policy, nosniff and a Referrer-Policy, a new nonce each time", async () => {
    const { page } = browser;
    const first = await page.goto("/signin");
    const headers = first!.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    // Served over plain http here: no HSTS, which browsers would ignore anyway.
    expect(headers["strict-transport-security"]).toBeUndefined();

    // Next.js put this response's nonce on its scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

    const second = await page.goto("/signin");
    expect(/'nonce-([^']+)'/.exec(second!.headers()["content-security-policy"])![1]).not.toBe(nonce);

    // Signed-in pages and API answers too (the API without a nonce: it renders no document).
    await signInAs(page, "EDITOR");
    const ledger = await page.goto("/ledger");
    expect(ledger!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const health = await page.request.get("/api/health");
    expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  });

  it("keeps sign-in, the article viewer, the claim form and the ledger's charts working without one violation", async () => {
    const violations = await watchViolations(browser);
    const { page } = browser;
    await signInAs(page, "EDITOR");

    await page.locator('[data-testid="article-list"] tbody tr td:first-child a').first().click();
    await page.locator(VIEWER).waitFor();
    const firstWords = (await page.locator(`${VIEWER} > *`).first().textContent())!.trim().split(/\s+/).slice(0, 2).join(" ");
    await selectText(page, firstWords);
    await page.getByRole("button", { name: /Tag claim/ }).click();
    const form = page.locator('[data-testid="claim-form"]');
    await form.getByLabel("Value").fill("not a number");
    await form.getByRole("button", { name: "Save claim" }).click();
    await form.getByText("Enter a number, e.g. 4000 or 63,3.").waitFor();
    await page.keyboard.press("Escape");

    await page.goto("/ledger");
    await page.locator('[data-testid="ledger-charts"]').waitFor();
    await page.goto("/articles/import");
    await page.locator("form").first().waitFor();
    // Hydrated pages answer: the client-side language switch and links work.
    await page.goto("/activity");
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });

  it("would see a violation: a script slipped into the page without the nonce is blocked and reported", async () => {
    const violations = await watchViolations(browser);
    const { page } = browser;
    // What an injected <script> in the HTML would look like: no nonce.
    await page.route("**/signin", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
      await route.fulfill({ response, body });
    });
    await page.goto("/signin");
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations.join("\n")).toMatch(/script-src/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });
});

describe("sign-in with a hostile callbackUrl", () => {
  it.each([
    ["a backslash", "/%5Cevil.example"],
    ["a tab", "/%09/evil.example"],
    ["a dot segment", "/.//evil.example"],
  ])("stays on Derek's origin (%s)", async (_what, callback) => {
    const { page } = browser;
    const appOrigin = new URL(inject("appUrl")).origin;
    await page.goto(`/signin?callbackUrl=${callback}`);
    const account = demoAccount("REVIEWER");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/signin");
    expect(new URL(page.url()).origin).toBe(appOrigin);
    expect(new URL(page.url()).pathname).toBe("/articles");
  });
});

describe("sessions that ended", () => {
  it("refuses a copy of the session cookie after its sign-out", async () => {
    const { page, context } = browser;
    await signInAs(page, "REVIEWER");
    const captured = await context.cookies();
    expect(captured.some((cookie) => cookie.name.includes("session-token"))).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/signin**");

    // The attacker's browser, with the cookie taken before the sign-out.
    const thief = await openBrowser();
    try {
      await thief.context.addCookies(captured);
      await thief.page.goto("/articles");
      expect(new URL(thief.page.url()).pathname).toBe("/signin");
      const api = await thief.page.request.get("/api/export?format=csv");
      expect(api.status()).toBe(401);
    } finally {
      await thief.close();
    }
  });
});

describe("a hand-edited ledger page link", () => {
  it("shows the page's own damaged-link message, not an error page", async () => {
    const { page } = browser;
    await signInAs(page, "EDITOR");
    const forged = Buffer.from(JSON.stringify(["not a date", randomUUID()])).toString("base64url");
    const response = await page.goto(`/ledger?sort=eventDate&after=${forged}`);
    expect(response!.status()).toBe(200);
    await expect(page.locator('[data-testid="ledger-filter-error"]').textContent()).resolves.toContain("start from the first page");
  });
});
