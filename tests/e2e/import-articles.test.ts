import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { demoAccount, openBrowser, signIn, type BrowserSession } from "../support/browser";

let browser: BrowserSession;
let dir: string;
const importedIds: string[] = [];

beforeEach(async () => {
  browser = await openBrowser();
  dir = await mkdtemp(path.join(os.tmpdir(), "derek-import-"));
});
afterEach(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});
// Other files share this database and count the seed articles: leave it as it was found.
afterAll(async () => {
  if (importedIds.length === 0) return;
  const client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  try {
    await client.query(`DELETE FROM "Article" WHERE id = ANY($1::uuid[])`, [importedIds]);
  } finally {
    await client.end();
  }
});

const idFromHref = (href: string | null) => href?.match(/\/articles\/([0-9a-f-]{36})$/)?.[1];

describe("an editor imports articles", () => {
  it("uploads a .txt and an .html with progress and per-file results, gets a duplicate the second time, and no script or style survives", async () => {
    const { page } = browser;
    const run = randomBytes(4).toString("hex");
    const txtName = `sailau-${run}.txt`;
    const htmlName = `sot-${run}.html`;
    const txt = `Сайлау нәтижесі ${run}\nОрталық сайлау комиссиясы 70,2% дауыс деп жариялады.\n`;
    const html =
      `<!doctype html><html><head><meta charset="utf-8"><style>p { color: red }</style></head><body>` +
      `<h1 style="color:red">Сот үкімі ${run}</h1>` +
      `<p style="font-size:40px" onclick="window.__clicked = true">Белсенді <b>5 жылға</b> сотталды.</p>` +
      `<script>window.__pwned = true; document.title = "pwned";</script></body></html>`;
    await writeFile(path.join(dir, txtName), txt);
    await writeFile(path.join(dir, htmlName), html);

    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    await page.getByRole("link", { name: "Import articles" }).click();
    await page.waitForURL("**/articles/import");

    await page.getByLabel("Files", { exact: true }).setInputFiles([path.join(dir, txtName), path.join(dir, htmlName)]);
    await page.getByRole("button", { name: "Upload" }).click();
    const progress = page.getByTestId("upload-progress");
    await progress.waitFor();
    const results = page.getByTestId("upload-results");
    const txtRow = results.locator(`li[data-file="${txtName}"]`);
    const htmlRow = results.locator(`li[data-file="${htmlName}"]`);
    await txtRow.and(page.locator('[data-status="imported"]')).waitFor();
    await htmlRow.and(page.locator('[data-status="imported"]')).waitFor();
    await progress.getByText("Done: 2 of 2 files").waitFor();
    await expect(progress.locator("progress").getAttribute("value")).resolves.toBe("100");

    const txtLink = txtRow.getByRole("link");
    await expect(txtLink.textContent()).resolves.toBe(`Сайлау нәтижесі ${run}`);
    const txtId = idFromHref(await txtLink.getAttribute("href"));
    const htmlId = idFromHref(await htmlRow.getByRole("link").getAttribute("href"));
    expect(txtId).toBeTruthy();
    expect(htmlId).toBeTruthy();
    importedIds.push(txtId!, htmlId!);

    // The same text again: a duplicate, linking to the article already stored.
    await page.getByLabel("Files", { exact: true }).setInputFiles(path.join(dir, txtName));
    await page.getByRole("button", { name: "Upload" }).click();
    const again = results.locator(`li[data-file="${txtName}"][data-status="duplicate"]`);
    await again.waitFor();
    await expect(again.textContent()).resolves.toContain("duplicate");
    expect(idFromHref(await again.getByRole("link").getAttribute("href"))).toBe(txtId);

    // A file in a format Derek does not read is refused with the reason beside it.
    await writeFile(path.join(dir, `scan-${run}.pdf`), "%PDF-1.7");
    await page.getByLabel("Files", { exact: true }).setInputFiles(path.join(dir, `scan-${run}.pdf`));
    await page.getByRole("button", { name: "Upload" }).click();
    const refused = results.locator(`li[data-file="scan-${run}.pdf"][data-status="rejected"]`);
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain("“.pdf” files are not supported");

    await page.goto(`/articles/${htmlId}`);
    const viewer = page.locator('[data-testid="article-viewer"] .ProseMirror');
    await viewer.getByText("сотталды").waitFor();
    await expect(viewer.locator("h1").textContent()).resolves.toBe(`Сот үкімі ${run}`);
    await expect(viewer.locator("strong").textContent()).resolves.toBe("5 жылға");
    await expect(viewer.locator("script, style, [style], [onclick]").count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator("h1").first().textContent()).resolves.toBe(`Сот үкімі ${run}`);
  });

  it("pastes a text with its details, and says beside the field what is wrong", async () => {
    const { page } = browser;
    const run = randomBytes(4).toString("hex");
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    await page.goto("/articles/import");

    await page.getByRole("button", { name: "Import text" }).click();
    await page.getByText("Paste the article's text.").waitFor();

    await page.getByLabel("Article text").fill(`Митинг ${run}\nШамамен 200 адам жиналды.`);
    await page.getByLabel("Outlet", { exact: true }).fill("Азаттық");
    await page.getByLabel("Source address").fill("ftp://example.kz/a");
    await page.getByRole("button", { name: "Import text" }).click();
    await page.getByText("Enter a web address starting with http:// or https://.").waitFor();

    await page.getByLabel("Source address").fill("https://www.azattyq.org/a/example.html");
    await page.getByRole("button", { name: "Import text" }).click();
    const result = page.getByTestId("paste-result");
    await result.waitFor();
    await expect(result.textContent()).resolves.toBe(`Imported Митинг ${run}.`);
    const id = idFromHref(await result.getByRole("link").getAttribute("href"));
    expect(id).toBeTruthy();
    importedIds.push(id!);
  });

  it("answers the import route's refusals as JSON with a 4xx status, never storing anything", async () => {
    const { page, context } = browser;
    const upload = (name: string, buffer: Buffer, headers: Record<string, string> = {}) =>
      context.request.post("/api/articles/import", { multipart: { file: { name, mimeType: "application/octet-stream", buffer } }, headers });
    const expectError = async (response: Awaited<ReturnType<typeof upload>>, status: number, code: string, message: RegExp) => {
      expect(response.status()).toBe(status);
      const body = (await response.json()) as { error: string; code: string };
      expect(body.code).toBe(code);
      expect(body.error).toMatch(message);
    };

    await expectError(await upload("a.txt", Buffer.from("Мәтін")), 401, "unauthenticated", /Sign in again/);

    const reviewer = demoAccount("REVIEWER");
    await signIn(page, reviewer.email, reviewer.password);
    await page.waitForURL("**/articles");
    await expectError(await upload("a.txt", Buffer.from("Мәтін")), 403, "forbidden", /role does not allow/);

    await context.clearCookies();
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    const run = randomBytes(4).toString("hex");
    const cp1251 = Buffer.from([0xc0, 0xeb, 0xec, 0xe0, 0xf2, 0xfb, 0x20, ...Buffer.from(run)]);
    await expectError(await upload("cp1251.txt", cp1251), 415, "not_utf8", /not UTF-8.*save it as UTF-8/);
    await expectError(await upload("empty.txt", Buffer.alloc(0)), 422, "empty", /empty/);
    await expectError(await upload("nul.txt", Buffer.from([0x41, 0x00, 0x42])), 415, "binary", /binary/);
    await expectError(await upload("big.txt", Buffer.alloc(3 * 1024 * 1024, 0x61)), 413, "too_large", /2\.0 MB per file/);
    await expectError(await upload("x.exe", Buffer.from("MZ")), 415, "unsupported_type", /not supported/);
    await expectError(await upload(`a-${run}.txt`, Buffer.from(`Басқа сайттан ${run}`), { origin: "https://evil.example" }), 403, "cross_origin", /own pages/);
    const badUrl = await context.request.post("/api/articles/import", {
      multipart: { file: { name: "u.txt", mimeType: "text/plain", buffer: Buffer.from(`Сілтеме ${run}`) }, sourceUrl: "javascript:alert(1)" },
    });
    await expectError(badUrl, 400, "invalid_details", /http:\/\/ or https:\/\//);
    const noFile = await context.request.post("/api/articles/import", { multipart: { outlet: "Азаттық" } });
    await expectError(noFile, 400, "no_file", /Choose a file/);

    // None of the refused texts was stored: searching for this run's marker finds nothing.
    await page.goto(`/articles?q=${run}`);
    await page.getByText("No articles match these filters.").waitFor();
  });
});

