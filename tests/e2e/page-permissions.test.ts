import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT } from "../support/paths";
import { demoAccount, openBrowser, signIn, type BrowserSession } from "../support/browser";

// Every page and route handler in app/ is held to this table: a new one without a row fails.
// Pages are checked as a visitor would meet them in the browser; route handlers over HTTP.

type Role = "EDITOR" | "REVIEWER" | "ADMIN";
interface PageRow {
  /** The URL to visit; `:article` and `:claim` are replaced by a seed article's and a claim's id. */
  url: string;
  /** Who sees the page; null: open to anyone (the sign-in page). */
  roles: Role[] | null;
}

const ALL: Role[] = ["EDITOR", "REVIEWER", "ADMIN"];
const PAGES: Record<string, PageRow> = {
  "app/page.tsx": { url: "/", roles: ALL },
  "app/signin/page.tsx": { url: "/signin", roles: null },
  "app/(workbench)/articles/page.tsx": { url: "/articles", roles: ALL },
  "app/(workbench)/articles/import/page.tsx": { url: "/articles/import", roles: ["EDITOR", "ADMIN"] },
  "app/(workbench)/articles/[id]/page.tsx": { url: "/articles/:article", roles: ALL },
  "app/(workbench)/articles/[id]/edit/page.tsx": { url: "/articles/:article/edit", roles: ["EDITOR", "ADMIN"] },
  "app/(workbench)/account/page.tsx": { url: "/account", roles: ALL },
  "app/(workbench)/admin/users/page.tsx": { url: "/admin/users", roles: ["ADMIN"] },
  "app/(workbench)/review/page.tsx": { url: "/review", roles: ["REVIEWER", "ADMIN"] },
  "app/(workbench)/review/[claimId]/page.tsx": { url: "/review/:claim", roles: ALL },
  "app/(workbench)/activity/page.tsx": { url: "/activity", roles: ALL },
  "app/(workbench)/claims/page.tsx": { url: "/claims", roles: ALL },
  "app/(workbench)/mentions/page.tsx": { url: "/mentions", roles: ALL },
  "app/(workbench)/ledger/page.tsx": { url: "/ledger", roles: ALL },
  "app/(workbench)/ledger/groups/page.tsx": { url: "/ledger/groups", roles: ALL },
  "app/(workbench)/ledger/groups/[groupId]/page.tsx": { url: "/ledger/groups/:group", roles: ALL },
  "app/(workbench)/ledger/conflicts/page.tsx": { url: "/ledger/conflicts", roles: ALL },
  "app/(workbench)/admin/tokens/page.tsx": { url: "/admin/tokens", roles: ["ADMIN"] },
  "app/(workbench)/admin/restore/page.tsx": { url: "/admin/restore", roles: ["ADMIN"] },
};

/** Route handlers: what a request without a session gets. */
const ROUTES: Record<string, { method: string; url: string; anonymousStatus: number }> = {
  "app/api/health/route.ts": { method: "GET", url: "/api/health", anonymousStatus: 200 },
  "app/api/auth/[...nextauth]/route.ts": { method: "GET", url: "/api/auth/session", anonymousStatus: 200 },
  "app/api/articles/import/route.ts": { method: "POST", url: "/api/articles/import", anonymousStatus: 401 },
  "app/api/export/route.ts": { method: "GET", url: "/api/export?format=csv", anonymousStatus: 401 },
  "app/api/backup/route.ts": { method: "GET", url: "/api/backup", anonymousStatus: 401 },
  "app/api/backup/restore/route.ts": { method: "POST", url: "/api/backup/restore", anonymousStatus: 401 },
};

async function find(name: string): Promise<string[]> {
  const entries = await readdir(path.join(REPO_ROOT, "app"), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name === name).map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name))).sort();
}

let articleId: string;
let claimId: string;
let groupId: string;
beforeAll(async () => {
  const client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  articleId = (await client.query<{ id: string }>(`SELECT id FROM "Article" ORDER BY "createdAt" LIMIT 1`)).rows[0].id;
  const author = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'editor@derek.local'`)).rows[0].id;
  claimId = (
    await client.query<{ id: string }>(
      `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, "authorId", "updatedAt")
       SELECT gen_random_uuid(), id, 0, 1, left("bodyText", 1), 'OTHER', 1, $2, now() FROM "Article" WHERE id = $1 RETURNING id`,
      [articleId, author],
    )
  ).rows[0].id;
  // A group of that claim and a second one, for the group page.
  groupId = (await client.query<{ id: string }>(`INSERT INTO "ClaimGroup" (id, "updatedAt") VALUES (gen_random_uuid(), now()) RETURNING id`)).rows[0].id;
  await client.query(
    `INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, "authorId", "updatedAt", "groupId")
     SELECT gen_random_uuid(), "articleId", start, "end", quote, category, value, "authorId", now(), $2 FROM "Claim" WHERE id = $1`,
    [claimId, groupId],
  );
  await client.query(`UPDATE "Claim" SET "groupId" = $2 WHERE id = $1`, [claimId, groupId]);
  await client.end();
});

const urlOf = (row: PageRow) => row.url.replace(":article", articleId).replace(":claim", claimId).replace(":group", groupId);

describe("pages and route handlers", () => {
  it("are all in the expected-permission tables", async () => {
    expect(await find("page.tsx")).toEqual(Object.keys(PAGES).sort());
    expect(await find("route.ts")).toEqual(Object.keys(ROUTES).sort());
  });

  it("send a visitor who is not signed in to the sign-in page, except the sign-in page itself", async () => {
    for (const row of Object.values(PAGES)) {
      const response = await fetch(`${inject("appUrl")}${urlOf(row)}`, { redirect: "manual" });
      if (row.roles === null) {
        expect(response.status, row.url).toBe(200);
        continue;
      }
      expect([307, 308], row.url).toContain(response.status);
      const location = new URL(response.headers.get("location")!, inject("appUrl"));
      // "/" first goes to /articles, which then asks for a sign-in.
      expect(["/signin", "/articles"], row.url).toContain(location.pathname);
    }
  });

  it("answer route requests without a session as the table says", async () => {
    for (const [file, route] of Object.entries(ROUTES)) {
      const response = await fetch(`${inject("appUrl")}${route.url}`, {
        method: route.method,
        redirect: "manual",
        headers: { origin: inject("appUrl") },
      });
      expect(response.status, file).toBe(route.anonymousStatus);
    }
  });

  describe.each(ALL)("signed in as %s", (role) => {
    let browser: BrowserSession;
    afterAll(async () => browser?.close());

    it("sees exactly the pages the table gives the role, and a refusal on the others", async () => {
      browser = await openBrowser();
      const account = demoAccount(role);
      await signIn(browser.page, account.email, account.password);
      await browser.page.waitForURL("**/articles");
      for (const row of Object.values(PAGES)) {
        if (row.roles === null) continue;
        await browser.page.goto(urlOf(row));
        await browser.page.waitForLoadState("networkidle");
        expect(new URL(browser.page.url()).pathname, row.url).not.toBe("/signin");
        const refusal = await browser.page.locator("main .form-error[role=alert]").count();
        expect(refusal > 0, `${role} on ${row.url}`).toBe(!row.roles.includes(role));
      }
    });
  });
});
