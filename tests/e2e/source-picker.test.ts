import { createHash, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { normaliseUrl } from "@/lib/sources/normalise-url";
import { demoAccount, openBrowser, selectText, signIn, type BrowserSession, type Page } from "../support/browser";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAG = randomUUID().slice(0, 8);
const QUOTE = `300-ден астам шахтер ${TAG}`;
const TEXT = `Қарағандыда ${QUOTE} ереуілге шықты.`;
const PUBLISHER = `Қарағанды облысы әкімдігі ${TAG}`;
const CITED = { title: `Облыс әкімдігінің есебі ${TAG}`, url: `https://www.gov.kz/memleket/entities/karaganda/reports/${TAG}` };
const WANTED = { title: `Әкімдік брифингі ${TAG}`, url: `https://www.gov.kz/memleket/entities/karaganda/press/${TAG}` };

let client: pg.Client;
let browser: BrowserSession;
let articleId: string;
const sourceIds: Record<string, string> = {};

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  articleId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, title, "bodyJson", "bodyText", "contentHash", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, now()) RETURNING id`,
      [`Шахтерлер ереуілі ${TAG}`, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] }), TEXT, createHash("sha256").update(TEXT).digest("hex")],
    )
  ).rows[0].id;
  // The more cited of the two comes first in the list.
  for (const [name, source, citations] of [["cited", CITED, 5], ["wanted", WANTED, 0]] as const) {
    sourceIds[name] = (
      await client.query<{ id: string }>(
        `INSERT INTO "Source" (id, url, "urlKey", title, publisher, kind, "citationCount", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, 'OFFICIAL_STATEMENT', $5, now()) RETURNING id`,
        [source.url, normaliseUrl(source.url), source.title, PUBLISHER, citations],
      )
    ).rows[0].id;
  }
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  // Other tests count the seed articles: take this file's rows away again.
  if (articleId) {
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  }
  await client.query(`DELETE FROM "Source" WHERE publisher = $1 OR url LIKE $2`, [PUBLISHER, `%${TAG}%`]);
  await client?.end();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} at ${node.target.join(" ")}`));
}

describe("the claim form's source picker", () => {
  it("finds a source by part of its publisher's name, picks it with the keyboard, and the saved claim cites it", async () => {
    const { page } = browser;
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    await page.goto(`/articles/${articleId}`);
    await page.locator('[data-testid="article-viewer"] .ProseMirror').waitFor();
    await selectText(page, QUOTE);
    await page.getByRole("button", { name: /Tag claim/ }).click();
    const form = page.locator('[data-testid="claim-form"]');
    await form.getByLabel("Value").fill("300");

    // A new source whose address is on file under another spelling is said to be so.
    await form.getByRole("button", { name: "+ Source" }).click();
    await form.getByLabel("Source URL").fill(`http://gov.kz/memleket/entities/karaganda/press/${TAG}/?utm_source=telegram`);
    await form.getByRole("status").filter({ hasText: `Already on file: ${WANTED.title}.` }).waitFor();

    await form.getByRole("button", { name: "Pick an existing source" }).click();
    const picker = form.getByRole("combobox", { name: "Source", exact: true });
    await picker.pressSequentially(`облысы ӘКІМДІГІ ${TAG}`);
    const options = page.getByRole("listbox", { name: "Sources on file" }).getByRole("option");
    await options.filter({ hasText: WANTED.title }).waitFor();
    expect(await options.allTextContents()).toEqual([
      expect.stringContaining(CITED.title),
      expect.stringContaining(WANTED.title),
    ]);
    await expect(options.first().textContent()).resolves.toContain("cited 5 times");
    await expect(picker.getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await axeViolations(page)).toEqual([]);

    // Escape closes the list, not the form; the arrow keys open it again and move through it.
    await page.keyboard.press("Escape");
    await expect(picker.getAttribute("aria-expanded")).resolves.toBe("false");
    await form.waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const active = await picker.getAttribute("aria-activedescendant");
    await expect(page.locator(`[id="${active}"]`).textContent()).resolves.toContain(WANTED.title);
    await page.keyboard.press("Enter");
    await expect(picker.inputValue()).resolves.toBe(WANTED.title);
    await expect(picker.getAttribute("aria-expanded")).resolves.toBe("false");

    await form.getByRole("button", { name: "Save claim" }).click();
    const details = page.locator('[data-testid="claim-details"]');
    await details.getByRole("link", { name: WANTED.title }).waitFor();
    const { rows } = await client.query(`SELECT cs."sourceId" FROM "ClaimSource" cs JOIN "Claim" c ON c.id = cs."claimId" WHERE c."articleId" = $1`, [articleId]);
    expect(rows).toEqual([{ sourceId: sourceIds.wanted }]);
    const { rows: stored } = await client.query(`SELECT count(*)::int AS n FROM "Source" WHERE url LIKE $1`, [`%${TAG}%`]);
    expect(stored).toEqual([{ n: 2 }]);
  });
});
