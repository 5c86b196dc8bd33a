import { createHash, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { demoAccount, openBrowser, type BrowserSession, type Page } from "../support/browser";

// Every page, in every language, at a phone's and at desktop widths: axe-core finds no
// accessibility violation (in Kazakh also in the dark scheme), the document is never wider than
// the window (no sideways scrolling), and on a desktop no table hides columns in its scroll box. The rows are this file's own, with long Kazakh words where pages once overflowed;
// the account is its own admin, so its language can change without touching other files' users.

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WIDTHS = [390, 1024, 1280, 1366] as const;
/** From this width on, tables show every column without scrolling inside their box. */
const DESKTOP = 1280;
const TAG = randomUUID().slice(0, 8);
const EMAIL = `barlyq-bet-${TAG}@derek.test`;
const PASSWORD = "barlyq-bet-demo-password";
// A long title and an unbroken long word: the review queue's article filter and the ledger's
// columns once stretched the page to fit them.
const TITLE = `Қазақстан Республикасының Орталық сайлау комиссиясы парламенттік сайлаудың қорытындыларын жариялады ${TAG}`;
const QUOTES = [`4000-ға жуық адам ұсталды ${TAG}`, `361 адам ұсталды ${TAG}`, `70 пайыздан астам дауыс ${TAG}`, `200 адам қамалды ${TAG}`];
const TEXT = `${TITLE}. ${QUOTES.join(". ")}. Құқыққорғаушылардыңмәлімдемелерінеқарағанда${TAG}.`;

let client: pg.Client;
let browser: BrowserSession;
let articleId: string;
let groupId: string;
let submittedClaimId: string;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, 'Барлық Беттерді Тексеруші Әкімші', $2, 'ADMIN', now())`,
    [EMAIL, await hashPassword(PASSWORD)],
  );
  articleId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Article" (id, title, outlet, "bodyJson", "bodyText", "contentHash", "updatedAt")
       VALUES (gen_random_uuid(), $1, 'Азаттық радиосының қазақ қызметі', $2, $3, $4, now()) RETURNING id`,
      [TITLE, JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TEXT }] }] }), TEXT, createHash("sha256").update(TEXT).digest("hex")],
    )
  ).rows[0].id;
  const userId = async (email: string) => (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])).rows[0].id;
  const editor = await userId(demoAccount("EDITOR").email);
  const reviewer = await userId(demoAccount("REVIEWER").email);
  groupId = (await client.query<{ id: string }>(`INSERT INTO "ClaimGroup" (id, label, status, "updatedAt") VALUES (gen_random_uuid(), $1, 'CONFIRMED', now()) RETURNING id`, [`Ұсталғандар саны ${TAG}`])).rows[0].id;
  const claim = async (quote: string, category: string, value: number, status: string, inGroup: boolean) => {
    const start = TEXT.indexOf(quote);
    const id = (
      await client.query<{ id: string }>(
        `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, unit, qualifier, claimant, "eventDate", status, rating, "groupId", "queuedAt", "authorId", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'person', 'APPROXIMATELY', 'Қазақстандық адам құқықтары мен заңдылықты сақтау жөніндегі халықаралық бюро', '2022-01-06', $7, $8, $9, $10, $11, now()) RETURNING id`,
        [articleId, start, start + quote.length, quote, category, value, status, status === "VERIFIED" ? "MOSTLY_TRUE" : null, inGroup ? groupId : null, status === "SUBMITTED" ? new Date() : null, editor],
      )
    ).rows[0].id;
    if (status === "VERIFIED") await client.query(`INSERT INTO "Review" (id, "claimId", "reviewerId", decision, rating) VALUES (gen_random_uuid(), $1, $2, 'APPROVED', 'MOSTLY_TRUE')`, [id, reviewer]);
    return id;
  };
  // Two figures of one fact that disagree: the group and the conflicts pages have something to show.
  await claim(QUOTES[0], "DETENTION_COUNT", 4000, "VERIFIED", true);
  await claim(QUOTES[1], "DETENTION_COUNT", 361, "VERIFIED", true);
  await claim(QUOTES[2], "VOTE_SHARE", 70, "VERIFIED", false);
  submittedClaimId = await claim(QUOTES[3], "DETENTION_COUNT", 200, "SUBMITTED", false);
  // A comment naming this account: the Mentions page has one to show.
  const commentId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Comment" (id, "claimId", "authorId", body) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
      [submittedClaimId, reviewer, `@Барлық Беттерді Тексеруші Әкімші, дереккөзді қараңызшы ${TAG}`],
    )
  ).rows[0].id;
  await client.query(`INSERT INTO "CommentMention" ("commentId", "userId") VALUES ($1, $2)`, [commentId, await userId(EMAIL)]);
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  // Other tests count the seed articles and groups: take this file's rows away again.
  if (articleId) {
    await client.query(`DELETE FROM "Review" WHERE "claimId" IN (SELECT id FROM "Claim" WHERE "articleId" = $1)`, [articleId]);
    await client.query(`DELETE FROM "Comment" WHERE "claimId" IN (SELECT id FROM "Claim" WHERE "articleId" = $1)`, [articleId]);
    await client.query(`DELETE FROM "Claim" WHERE "articleId" = $1`, [articleId]);
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [articleId]);
  }
  if (groupId) await client.query(`DELETE FROM "ClaimGroup" WHERE id = $1`, [groupId]);
  await client?.end();
});

const SIGNED_IN_PAGES: Record<string, () => string> = {
  "articles list": () => "/articles",
  "article workbench": () => `/articles/${articleId}`,
  "article edit": () => `/articles/${articleId}/edit`,
  import: () => "/articles/import",
  "review queue": () => "/review",
  "my claims": () => "/claims",
  "my claims, a wrong filter": () => "/claims?status=RETURNED,LOST",
  "review of a claim": () => `/review/${submittedClaimId}`,
  "ledger and its charts": () => "/ledger",
  groups: () => "/ledger/groups",
  "a group": () => `/ledger/groups/${groupId}`,
  conflicts: () => "/ledger/conflicts",
  activity: () => "/activity",
  mentions: () => "/mentions",
  account: () => "/account",
  "admin users": () => "/admin/users",
  "admin tokens": () => "/admin/tokens",
  "admin restore": () => "/admin/restore",
  "not found": () => "/no-such-page",
};

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations on the page as it stands, one readable line per failing node. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.help}) at ${node.target.join(" ")}: ${node.failureSummary ?? ""}`));
}

/** Each width at which the document is wider than the window, with the elements that stick out furthest. */
async function overflowingWidths(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Charts and other measured parts re-lay themselves out in a ResizeObserver: let them.
    await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
    if (width >= DESKTOP) {
      const clipped = await page.evaluate(() => [...document.querySelectorAll(".table-scroll")].filter((box) => box.scrollWidth > box.clientWidth + 1).map((box) => `${box.scrollWidth} px`));
      if (clipped.length > 0) found.push(`a table ${clipped.join(", ")} wide scrolls inside its box in a ${width} px window`);
    }
    const documentWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (documentWidth <= width) continue;
    const culprits = await page.evaluate((viewport) => {
      const name = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.classList.length ? `.${[...element.classList].join(".")}` : ""}`;
      // The innermost elements past the right edge: their parents stick out only because of them.
      const outside = [...document.body.querySelectorAll("*")].filter((element) => element.getBoundingClientRect().right > viewport + 1);
      const innermost = outside.filter((element) => !outside.some((other) => other !== element && element.contains(other)));
      return innermost.slice(0, 3).map((element) => `${element.parentElement ? `${name(element.parentElement)} > ` : ""}${name(element)} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`);
    }, width);
    found.push(`${documentWidth} px wide in a ${width} px window: ${culprits.join("; ")}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return found;
}

/** axe in the light scheme and, for the default language, in the dark one too (it follows the system's). */
async function checkPage(page: Page, url: string, { dark }: { dark: boolean }) {
  await page.goto(url);
  // Streamed parts (the ledger's charts) arrive after the first paint.
  await page.waitForLoadState("networkidle");
  expect(await axeViolations(page), url).toEqual([]);
  if (dark) {
    await page.emulateMedia({ colorScheme: "dark" });
    try {
      expect(await axeViolations(page), `${url} in the dark scheme`).toEqual([]);
    } finally {
      await page.emulateMedia({ colorScheme: "light" });
    }
  }
  expect(await overflowingWidths(page), url).toEqual([]);
}

describe.each(LOCALES)("in %s", (locale: Locale) => {
  it("the sign-in page", async () => {
    const { context, page } = browser;
    await context.clearCookies();
    await context.addCookies([{ name: "derek-locale", value: locale, url: inject("appUrl") }]);
    await checkPage(page, "/signin", { dark: locale === "kk" });
    // Signed in here, so the pages below are read in the same language.
    await client.query(`UPDATE "User" SET locale = $1 WHERE email = $2`, [locale, EMAIL]);
    await page.locator("#signin-email").fill(EMAIL);
    await page.locator("#signin-password").fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL("**/articles");
  });

  it.each(Object.entries(SIGNED_IN_PAGES))("%s", async (_name, url) => {
    await checkPage(browser.page, url(), { dark: locale === "kk" });
    expect(await browser.page.locator("html").getAttribute("lang")).toBe(locale);
  });
});
