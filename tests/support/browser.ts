import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium";

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

// React's words when server and browser rendered different HTML, in development and as the
// production build's numbered errors (#418 text, #423 recovered by client render, #425 text).
const HYDRATION_ERROR = /Hydration failed|did not match|hydration mismatch|react\.dev\/errors\/(418|423|425)\b|React error #(418|423|425)\b/i;

/** Hydration errors seen in any page of any browser since the last `takeHydrationErrors()`. */
const hydrationErrors: string[] = [];

/** The hydration errors recorded so far, emptying the record (tests/support/e2e-hydration.ts fails the test). */
export function takeHydrationErrors(): string[] {
  return hydrationErrors.splice(0);
}

function recordHydrationErrors(page: Page): void {
  const record = (text: string) => {
    if (HYDRATION_ERROR.test(text)) hydrationErrors.push(`${page.url()}: ${text.slice(0, 500)}`);
  };
  page.on("console", (message) => {
    if (message.type() === "error") record(message.text());
  });
  page.on("pageerror", (error) => record(`${error.message}\n${error.stack ?? ""}`));
}

/** Debian's Chromium with a fresh profile: no downloaded browser, nothing carried between tests. */
export async function openBrowser(): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), "derek-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    headless: true,
    baseURL: inject("appUrl"),
  });
  context.pages().forEach(recordHydrationErrors);
  context.on("page", recordHydrationErrors);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export function demoAccount(role: "EDITOR" | "REVIEWER" | "ADMIN") {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account with role ${role}`);
  return account;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export type { Browser, Page };

export const VIEWER = '[data-testid="article-viewer"] .ProseMirror';

/** Selects the first occurrence of `words` inside `rootSelector`, as a mouse drag would. */
export async function selectText(page: Page, words: string, rootSelector = VIEWER): Promise<void> {
  await page.locator(rootSelector).evaluate((root, target) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${target}" is not in the text`);
  }, words);
}

/**
 * Selects `words` in an editable text editor and waits until the editor has taken the selection in.
 * ProseMirror reads a changed selection on the browser's asynchronous `selectionchange` event: a key
 * pressed before that acts on the old cursor (a busy machine showed it in about 1 run in 5).
 */
export async function selectTextInEditor(page: Page, words: string, rootSelector: string): Promise<void> {
  await selectText(page, words, rootSelector);
  await page.waitForFunction(
    ([root, target]) => {
      const editor = (document.querySelector(root) as (Element & { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(from: number, to: number): string } } } }) | null)?.editor;
      if (!editor) return false;
      const { from, to } = editor.state.selection;
      return editor.state.doc.textBetween(from, to) === target;
    },
    [rootSelector, words] as const,
  );
}

/** The words under each claim's highlight in the viewer, one entry per claim. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.locator(VIEWER).evaluate((root) => {
    const ids = new Set(Array.from(root.querySelectorAll("[data-claim-id]"), (el) => el.getAttribute("data-claim-id")));
    return Array.from(ids, (id) => Array.from(root.querySelectorAll(`[data-claim-id="${id}"]`), (el) => el.textContent).join(""));
  });
}
