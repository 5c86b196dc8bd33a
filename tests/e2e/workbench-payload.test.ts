import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccount, openBrowser, signIn, VIEWER, type BrowserSession } from "../support/browser";

// How a long article's page arrives: its text with every highlight first in the HTML, before
// React's payload; and in the payload, the document, the claims and the suggestions as text
// (rows React passes through whole) rather than as objects it walks value by value on the server
// and revives on both sides, which on an article with 2,000 claims cost the page's first byte.

const CLAIMS = 300;
let browser: BrowserSession;
let articleId: string;

async function withDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  browser = await openBrowser();
  const editor = demoAccount("EDITOR");
  await signIn(browser.page, editor.email, editor.password);
  await browser.page.waitForURL("**/articles");
  const { page } = browser;
  const line = "Полиция сол күні 120 адамды ұстады, кейін олардың 45 адамы босатылды.";
  await page.goto("/articles/import");
  await page.getByRole("button", { name: "Import text" }).click();
  await page.getByText("Paste the article's text.").waitFor();
  await page.getByLabel("Article text").fill([`Ереуіл (${randomBytes(4).toString("hex")}).`, ...Array.from({ length: 60 }, () => line)].join("\n"));
  await page.getByRole("button", { name: "Import text" }).click();
  await page.getByTestId("paste-result").waitFor();
  await page.getByTestId("paste-result").getByRole("link").click();
  await page.locator(VIEWER).waitFor();
  articleId = /\/articles\/([0-9a-f-]+)/.exec(page.url())![1];
  // Claims of one to three words all over the text, some inside others.
  await withDatabase(async (client) => {
    const { rows } = await client.query(`SELECT "bodyText" FROM "Article" WHERE id = $1`, [articleId]);
    const words = [...(rows[0].bodyText as string).matchAll(/\S+/g)];
    const { rows: users } = await client.query(`SELECT id FROM "User" WHERE email = $1`, [editor.email]);
    for (let i = 0; i < CLAIMS; i++) {
      const first = words[(i * 7) % words.length];
      const last = words[Math.min(words.length - 1, ((i * 7) % words.length) + (i % 3))];
      const [start, end] = [first.index!, last.index! + last[0].length];
      await client.query(
        `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, "authorId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, 'OTHER', $5, $6, now())`,
        [articleId, start, end, (rows[0].bodyText as string).slice(start, end), String(i + 1), users[0].id],
      );
    }
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (!articleId) return;
  // Other files share this database and count the seed articles: leave it as it was found.
  await withDatabase(async (client) => {
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  });
});

describe("a long article's page", () => {
  it("carries its text with every highlight before React's payload, and its claims as text in the payload", async () => {
    const response = await browser.page.request.get(`/articles/${articleId}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const payloadAt = html.indexOf("self.__next_f");
    const text = html.slice(html.indexOf('class="static-document"'), payloadAt);
    expect(payloadAt).toBeGreaterThan(0);
    expect(new Set(Array.from(text.matchAll(/data-claim-id="([0-9a-f-]+)"/g), (m) => m[1])).size).toBe(CLAIMS);

    // The client component's props name text rows ("$<row>") instead of holding the values.
    const payload = html.slice(payloadAt);
    for (const prop of ["content", "initialClaims", "initialSuggestions"]) {
      expect(payload, prop).toMatch(new RegExp(`\\\\"${prop}\\\\":\\\\"\\$[0-9a-f]+\\\\"`));
    }
    expect(payload).toMatch(/[0-9a-f]+:T[0-9a-f]+,\{\\"shared\\":/);
  });

  it("keeps the server's text as it came until the editor takes its place: hydrating does not write it again", async () => {
    const { page } = browser;
    // Any child taken out of the server's text before the editor is up means it was written anew.
    await page.addInitScript(`(() => {
      window.__staticText = { seen: 0, rewritten: 0 };
      new MutationObserver((records) => {
        for (const r of records) {
          if (!(r.target instanceof Element) || !r.target.classList.contains("static-document")) continue;
          if (r.removedNodes.length > 0) window.__staticText.rewritten++;
        }
        if (document.querySelector(".static-document [data-claim-id]")) window.__staticText.seen = 1;
      }).observe(document, { childList: true, subtree: true });
    })()`);
    await page.goto(`/articles/${articleId}`);
    await page.locator(`${VIEWER} [data-claim-id]`).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __staticText: unknown }).__staticText)).toEqual({ seen: 1, rewritten: 0 });
    expect(await page.locator(".static-document").count()).toBe(0);
    expect(new Set(await page.locator(`${VIEWER} [data-claim-id]`).evaluateAll((els) => els.map((el) => el.getAttribute("data-claim-id")))).size).toBe(CLAIMS);
  });
});
