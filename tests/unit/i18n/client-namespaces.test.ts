import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LIB_NAMESPACES, PAGE_NAMESPACES, SHELL_NAMESPACES } from "@/app/_lib/client-namespaces";
import { loadMessages } from "@/lib/i18n/catalog";
import { clientNamespaceUses } from "../../support/client-tree";
import { REPO_ROOT } from "../../support/paths";

// Each page sends the browser only the namespaces its client components use. A client component
// that translates from a namespace its route does not send shows the raw key: these tests find it
// before a reader does.

const APP = path.join(REPO_ROOT, "app");
const pageFiles = readdirSync(APP, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === "page.tsx")
  .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)));

/** "app/(workbench)/review/[claimId]/page.tsx" → "/review/[claimId]": route groups are not in the URL. */
function routeOf(pageFile: string): string {
  const segments = path.dirname(path.relative("app", pageFile)).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Files rendered around every page, inside the shell's provider. */
const SHELL_FILES = readdirSync(APP, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && ["layout.tsx", "error.tsx", "not-found.tsx"].includes(e.name))
  .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)));

const missing = (entries: string[], sent: readonly string[]) =>
  clientNamespaceUses(entries)
    .filter((use) => !sent.includes(use.namespace))
    .map((use) => `${use.where} uses "${use.namespace}"`);

describe("the namespaces sent to the browser", () => {
  it("name only namespaces the catalogs have", () => {
    const namespaces = new Set(Object.keys(loadMessages("en", REPO_ROOT)));
    const named = [...SHELL_NAMESPACES, ...Object.values(PAGE_NAMESPACES).flat()];
    expect(named.filter((n) => !namespaces.has(n))).toEqual([]);
  });

  it("cover every client component of the layouts and error pages", () => {
    expect(missing(SHELL_FILES, SHELL_NAMESPACES)).toEqual([]);
  });

  it("name only routes that have a page", () => {
    const routes = pageFiles.map(routeOf);
    expect(Object.keys(PAGE_NAMESPACES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  // A page without its own list renders inside the shell's provider.
  it.each(pageFiles.map((file) => [routeOf(file), file]))("cover every client component of %s", (route, file) => {
    const own: readonly string[] | undefined = PAGE_NAMESPACES[route as keyof typeof PAGE_NAMESPACES];
    const sent: readonly string[] = own ? [...own, ...LIB_NAMESPACES] : SHELL_NAMESPACES;
    expect(missing([file], sent)).toEqual([]);
  });

  it("finds a client component's namespace through its imports", () => {
    // The scanner itself: the article page reaches the claim form through the workbench.
    const uses = clientNamespaceUses(["app/(workbench)/articles/[id]/page.tsx"]);
    expect(uses.some((use) => use.namespace === "workbench" && use.where.includes("claim-form.tsx"))).toBe(true);
  });
});
