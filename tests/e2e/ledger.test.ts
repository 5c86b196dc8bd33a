import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { demoAccount, openBrowser, signIn, type BrowserSession } from "../support/browser";

// This file's own article and claims, written straight into the database: the ledger reads claims
// across every article, whoever tagged them.
const TAG = randomUUID().slice(0, 8);
const QUOTES = {
  verifiedDetention: [`төрт мыңға жуық адам ұсталды ${TAG}`, `«мыңдаған адамды», деді ол ${TAG}`, `500-ге жуық белсенді, оның ішінде "жастар" ${TAG}`],
  verifiedVote: `70 пайыздан астам дауыс ${TAG}`,
  submittedDetention: `200 адам қамалды ${TAG}`,
  deletedDetention: `өшірілген ${TAG}`,
};

let client: pg.Client;
let browser: BrowserSession;
let articleId: string;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  const text = `Ledger ${TAG}: ${Object.values(QUOTES).flat().join(". ")}.`;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Article" (id, title, outlet, "bodyJson", "bodyText", "contentHash", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'Азаттық', $2, $3, $4, now()) RETURNING id`,
    [`Ledger ${TAG}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }), text, createHash("sha256").update(text).digest("hex")],
  );
  articleId = rows[0].id;
  const author = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demoAccount("EDITOR").email])).rows[0].id;
  const reviewer = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demoAccount("REVIEWER").email])).rows[0].id;
  const claim = async (quote: string, category: string, status: string, extra: { rating?: string; deleted?: boolean } = {}) => {
    const start = text.indexOf(quote);
    const id = (
      await client.query<{ id: string }>(
        `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, qualifier, claimant, "eventDate", status, rating, "authorId", "updatedAt", "deletedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 4000, 'APPROXIMATELY', 'Адам құқықтары бюросы', '2019-06-09', $6, $7, $8, now(), $9) RETURNING id`,
        [articleId, start, start + quote.length, quote, category, status, extra.rating ?? null, author, extra.deleted ? new Date() : null],
      )
    ).rows[0].id;
    if (status === "VERIFIED")
      await client.query(`INSERT INTO "Review" (id, "claimId", "reviewerId", decision, rating) VALUES (gen_random_uuid(), $1, $2, 'APPROVED', $3)`, [id, reviewer, extra.rating]);
    return id;
  };
  for (const quote of QUOTES.verifiedDetention) await claim(quote, "DETENTION_COUNT", "VERIFIED", { rating: "MOSTLY_TRUE" });
  await claim(QUOTES.verifiedVote, "VOTE_SHARE", "VERIFIED", { rating: "TRUE" });
  await claim(QUOTES.submittedDetention, "DETENTION_COUNT", "SUBMITTED");
  await claim(QUOTES.deletedDetention, "DETENTION_COUNT", "VERIFIED", { rating: "FALSE", deleted: true });
});

afterAll(async () => {
  // Other tests count the seed articles: take this file's article and claims away again.
  if (articleId) {
    await client.query(`DELETE FROM "Review" WHERE "claimId" IN (SELECT id FROM "Claim" WHERE "articleId" = $1)`, [articleId]);
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  }
  await client?.end();
});

beforeEach(async () => {
  browser = await openBrowser();
  const editor = demoAccount("EDITOR");
  await signIn(browser.page, editor.email, editor.password);
  await browser.page.waitForURL("**/articles");
});

afterEach(async () => {
  await browser?.close();
});

/** The ids of live verified detention counts, read from the database: what the view must show. */
async function verifiedDetentionIds(): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "Claim" WHERE status = 'VERIFIED' AND category = 'DETENTION_COUNT' AND "deletedAt" IS NULL ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

async function filterToVerifiedDetentions(page: BrowserSession["page"]) {
  await page.getByRole("link", { name: "Ledger", exact: true }).click();
  await page.waitForURL("**/ledger");
  await page.getByLabel("Status", { exact: true }).selectOption("VERIFIED");
  await page.getByLabel("Category", { exact: true }).selectOption("DETENTION_COUNT");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/status=VERIFIED/);
}

describe("the ledger", () => {
  it("filters to verified detention counts, keeps the filter in the URL and saves it as a claim set", async () => {
    const { page } = browser;
    await filterToVerifiedDetentions(page);
    const url = new URL(page.url());
    expect(url.searchParams.get("category")).toBe("DETENTION_COUNT");
    const shown = await page.locator('[data-testid="ledger-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-claim-id")));
    expect([...shown].sort()).toEqual(await verifiedDetentionIds());
    const table = await page.locator('[data-testid="ledger-table"]').innerText();
    expect(table).toContain(QUOTES.verifiedDetention[1]);
    expect(table).not.toContain(QUOTES.submittedDetention);
    expect(table).not.toContain(QUOTES.deletedDetention);

    // The same URL opened afresh shows the same view.
    await page.goto(url.pathname + url.search);
    expect(await page.getByLabel("Category", { exact: true }).inputValue()).toBe("DETENTION_COUNT");

    const name = `Тексерілген ұсталғандар ${TAG}`;
    await page.getByLabel("Save this filter as").fill(name);
    await page.getByRole("button", { name: "Save set" }).click();
    await page.getByRole("status").filter({ hasText: `Saved as “${name}”` }).waitFor();
    await page.goto("/ledger");
    await page.locator('[data-testid="claim-sets"]').getByRole("link", { name }).click();
    await page.waitForURL(/category=DETENTION_COUNT/);
    expect(await page.getByLabel("Status", { exact: true }).inputValue()).toBe("VERIFIED");
  });

  it("exports the filtered claims as CSV: exactly those claims, Kazakh text intact", async () => {
    const { page } = browser;
    await filterToVerifiedDetentions(page);
    const panel = page.locator('[data-testid="export-panel"]');
    await panel.getByLabel("Format").selectOption({ label: "CSV (spreadsheet)" });
    expect(await panel.getByLabel("Only verified claims").isChecked()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Export" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^derek-claims-.*\.csv$/);
    const bytes = await readFile((await download.path())!);
    // A byte-order mark first, so spreadsheet programs read the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(bytes.subarray(3).toString("utf8"), { columns: true });
    expect(rows.map((r) => r.claim_id).sort()).toEqual(await verifiedDetentionIds());
    const ours = rows.filter((r) => r.quote.endsWith(TAG)).map((r) => r.quote).sort();
    expect(ours).toEqual([...QUOTES.verifiedDetention].sort());
    for (const row of rows) {
      expect(row.status).toBe("VERIFIED");
      expect(row.category).toBe("DETENTION_COUNT");
    }
    expect(rows.find((r) => r.quote === QUOTES.verifiedDetention[0])?.claimant).toBe("Адам құқықтары бюросы");
    await panel.locator('[data-testid="export-done"]').waitFor();
  });

  it("answers an impossible filter with a message at the field, not an empty page", async () => {
    const { page } = browser;
    await page.goto("/ledger?valueMin=5000&valueMax=10&status=PUBLISHED");
    await page.locator('[data-testid="ledger-filter-error"]').waitFor();
    const form = page.getByRole("search", { name: "Filter the ledger" });
    expect(await form.innerText()).toContain("The largest figure is less than the smallest; swap them.");
    expect(await form.innerText()).toContain("Unknown status “PUBLISHED”");
    expect(await page.locator('[data-testid="ledger-table"]').count()).toBe(0);
  });
});
