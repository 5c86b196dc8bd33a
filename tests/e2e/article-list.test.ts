import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_TEXTS_DIR } from "../support/paths";
import { demoAccount, openBrowser, signIn, type BrowserSession, type Page } from "../support/browser";

let browser: BrowserSession;
beforeEach(async () => {
  browser = await openBrowser();
});
afterEach(async () => {
  await browser?.close();
});

async function seedFirstLines(): Promise<Array<{ firstLine: string; lower: string }>> {
  const files = (await readdir(SEED_TEXTS_DIR)).filter((f) => f.endsWith(".txt"));
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(SEED_TEXTS_DIR, file), "utf8");
      return { firstLine: text.split("\n")[0].trim(), lower: text.toLowerCase() };
    }),
  );
}

const listedTitles = (page: Page) => page.locator('[data-testid="article-list"] tbody tr td:first-child a').allTextContents();
const isListed = (titles: string[], firstLine: string) => titles.some((t) => firstLine.startsWith(t.replace(/…$/, "")));

describe("the article list", () => {
  it("finds Kazakh words typed in capitals, and keeps the filter in the URL across a reload", async () => {
    const { page } = browser;
    const seeds = await seedFirstLines();
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");

    await page.getByLabel("Search title and text").fill("ҚАЗАҚСТАН");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "ҚАЗАҚСТАН");
    const withKazakhstan = seeds.filter((s) => s.lower.includes("қазақстан"));
    expect(withKazakhstan.length).toBeGreaterThan(0);
    const found = await listedTitles(page);
    for (const seed of withKazakhstan) expect(isListed(found, seed.firstLine)).toBe(true);

    // Алматы is not in every seed text, so this shows that the search also leaves articles out.
    await page.getByLabel("Search title and text").fill("АЛМАТЫ");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "АЛМАТЫ");
    const almaty = await listedTitles(page);
    const withoutAlmaty = seeds.filter((s) => !s.lower.includes("алматы"));
    expect(withoutAlmaty.length).toBeGreaterThan(0);
    for (const seed of seeds) expect(isListed(almaty, seed.firstLine)).toBe(!withoutAlmaty.includes(seed));

    await page.reload();
    expect(new URL(page.url()).searchParams.get("q")).toBe("АЛМАТЫ");
    await expect(page.getByLabel("Search title and text").inputValue()).resolves.toBe("АЛМАТЫ");
    expect(await listedTitles(page)).toEqual(almaty);
  });

  it("explains an impossible filter instead of showing an empty list", async () => {
    const { page } = browser;
    const editor = demoAccount("EDITOR");
    await signIn(page, editor.email, editor.password);
    await page.waitForURL("**/articles");
    const response = await page.goto("/articles?from=2024-05-01&to=2024-04-01&awaiting=maybe&outlet=Жоқ басылым");
    expect(response?.status()).toBe(200);
    await page.getByText("No article is from the outlet “Жоқ басылым”.").waitFor();
    await page.getByText("The “from” date is after the “to” date; swap them or clear one.").waitFor();
    await page.getByText("“Awaiting review” is either on (1) or off.").waitFor();
    expect(await page.locator('[data-testid="article-list"]').count()).toBe(0);
  });
});
