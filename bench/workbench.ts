/**
 * npx tsx bench/workbench.ts — the two speed goals of the annotation workbench, in Debian's Chromium:
 *
 *   1. an article with 2,000 claims opens and shows all highlights within 500 ms (drawn with the
 *      server's text; the time until the editor holds them, when tagging can start, is reported beside it);
 *   2. tagging a claim round-trips (click on "Save claim" to the saved highlight) under 100 ms at
 *      the median.
 *
 * Self-contained like the e2e harness: its own PostgreSQL, seed, build if needed, `next start`,
 * Chromium with a fresh profile. Every time is taken inside the page (performance.now(), relative to
 * navigation start; MutationObserver), so measuring adds no round trip. Prints a markdown section
 * and writes it into docs/BENCHMARKS.md under "## Annotation workbench".
 *
 * Options (environment): BENCH_OPEN_RUNS (40; with fewer than 20 the nearest-rank p95 is the slowest run), BENCH_TAG_RUNS (25), BENCH_NO_WRITE=1 (print only),
 * BENCH_WORKBENCH_ONLY=open (only the opening figures, printed in the log; nothing is written),
 * BENCH_WORKBENCH_ONLY=tagging (only the tagging figures, printed, nothing written), BENCH_TAG_PROFILE=1
 * (with it, one more save on each article under the V8 profiler and a Chromium trace:
 * the functions with the most self time, with their callers, and the main thread's work by kind),
 * BENCH_TAG_PROFILE_DIR=<dir> (with BENCH_TAG_PROFILE=1: that save's V8 profile and trace written there,
 * tag-empty.* and tag-2000-claims.*, to be read in DevTools or by a script; the trace has a User
 * Timing mark "bench:highlight" where the probe saw the highlight), BENCH_OPEN_HTML=<file> (the article
 * page's HTML as the server sent it, written there, to see what arrives in which order), BENCH_OPEN_TRACE=<file>
 * (the Chromium trace of the one traced open, written there).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { BrowserContext, Page } from "playwright-core";
import { selectorFor } from "@/lib/anchoring";
import { createArticle } from "@/lib/articles/create-article";
import type { Actor } from "@/lib/auth/policy";
import { listArticleClaims } from "@/lib/claims/list-article-claims";
import { db } from "@/lib/db/client";
import { createTextIndex } from "@/lib/document/text-index";
import { toProseMirrorDoc } from "@/lib/document/schema";
import { plainTextToDoc } from "@/lib/document/plain-text";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { listSuggestions } from "@/lib/suggestions/list-suggestions";
import { SEED_TEXTS_DIR } from "../tests/support/paths";
import { Cleanup, median, openChromium, percentile, signIn, startStack, withTimeout } from "./support/stack";
import { CHROMIUM_PATH } from "../tests/support/chromium";
import { describeMachine, publishBenchmarkSection, runBenchmark } from "./support/report";

const CLAIMS = 2000;
const CORPUS_COPIES = 3;
const OPEN_WARMUPS = 2;
const OPEN_RUNS = boundedInt(process.env.BENCH_OPEN_RUNS, 40, 1, 200);
const TAG_WARMUPS = 2;
const TAG_RUNS = boundedInt(process.env.BENCH_TAG_RUNS, 25, 1, 200);
const OPEN_GOAL_MS = 500;
const TAG_GOAL_MS = 100;
/** Tagging on the article with 2,000 claims, at most this many times tagging on one without any. */
const TAG_RATIO_GOAL = 1.3;
const SECTION = "## Annotation workbench";
/** Opening alone, to iterate on it: the tagging runs and the report are skipped. */
const OPEN_ONLY = process.env.BENCH_WORKBENCH_ONLY === "open";
/** Tagging alone, likewise. */
const ONLY_TAGGING = process.env.BENCH_WORKBENCH_ONLY === "tagging";
const VIEWER_BOX = '[data-testid="article-viewer"]';
const VIEWER = `${VIEWER_BOX} .ProseMirror`;

function boundedInt(raw: string | undefined, fallback: number, min: number, max: number): number {
  const n = raw === undefined ? fallback : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

const log = (line: string) => console.error(`[bench] ${line}`);

// ---------------------------------------------------------------------------------------------
// Test data

function seedCorpus(): string[] {
  return readdirSync(SEED_TEXTS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(path.join(SEED_TEXTS_DIR, f), "utf8").replace(/\n+$/, ""));
}

/** Deterministic PRNG (mulberry32), so every run tags the same spans. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Word {
  line: number;
  /** Index of the word within its line. */
  k: number;
  start: number;
  end: number;
}

/** Every word of the text with its offsets in the whole text, line by line. */
function wordsOf(text: string): Word[][] {
  const lines: Word[][] = [];
  let offset = 0;
  text.split("\n").forEach((line, i) => {
    const words: Word[] = [];
    for (const m of line.matchAll(/\S+/g)) words.push({ line: i, k: words.length, start: offset + m.index!, end: offset + m.index! + m[0].length });
    lines.push(words);
    offset += line.length + 1;
  });
  return lines;
}

/**
 * 2,000 ranges spread evenly over the text: 1,500 spans of 1–4 words, 300 nested inside one of
 * them (a word of a longer span, or the same span), 200 overlapping one (starting inside it and
 * running past its end). Ranges stay within one paragraph, as a reader's selection usually does.
 */
function claimRanges(text: string, count: number): { start: number; end: number; kind: "plain" | "nested" | "overlapping" }[] {
  const random = rng(20_000);
  const lines = wordsOf(text);
  const words = lines.flat();
  const baseCount = Math.round(count * 0.75);
  const nestedCount = Math.round(count * 0.15);
  const overlappingCount = count - baseCount - nestedCount;
  const base: { first: Word; last: Word }[] = [];
  for (let i = 0; i < baseCount; i++) {
    const first = words[Math.floor((i * words.length) / baseCount)];
    const line = lines[first.line];
    const last = line[Math.min(line.length - 1, first.k + Math.floor(random() * 4))];
    base.push({ first, last });
  }
  const ranges: { start: number; end: number; kind: "plain" | "nested" | "overlapping" }[] = base.map((b) => ({ start: b.first.start, end: b.last.end, kind: "plain" }));
  for (let i = 0; i < nestedCount; i++) {
    const b = base[Math.floor((i * base.length) / nestedCount)];
    const line = lines[b.first.line];
    const w = line[b.first.k + Math.floor(random() * (b.last.k - b.first.k + 1))];
    ranges.push({ start: w.start, end: w.end, kind: "nested" });
  }
  let made = 0;
  for (let i = 0; made < overlappingCount && i < base.length * 4; i++) {
    const b = base[(i * 7 + 3) % base.length];
    const line = lines[b.first.line];
    if (b.last.k + 1 >= line.length || b.last.k === b.first.k) continue;
    const from = line[b.first.k + 1];
    const to = line[Math.min(line.length - 1, b.last.k + 1 + Math.floor(random() * 2))];
    ranges.push({ start: from.start, end: to.end, kind: "overlapping" });
    made++;
  }
  if (ranges.length !== count) throw new Error(`made ${ranges.length} claim ranges, wanted ${count}`);
  return ranges;
}

const CATEGORIES = ["DETENTION_COUNT", "VOTE_SHARE", "TURNOUT", "SEAT_COUNT", "SENTENCE_LENGTH", "CASUALTIES", "MONEY", "OTHER"] as const;
const STATUSES = ["DRAFT", "SUBMITTED", "VERIFIED"] as const;

async function insertClaims(articleId: string, text: string, authorId: string, count: number) {
  const ranges = claimRanges(text, count);
  const data = ranges.map((r, i) => {
    const selector = selectorFor(text, r.start, r.end);
    return {
      articleId,
      start: r.start,
      end: r.end,
      quote: selector.quote,
      prefix: selector.prefix,
      suffix: selector.suffix,
      category: CATEGORIES[i % CATEGORIES.length],
      value: String(1 + ((i * 37) % 5000)),
      unit: i % 3 === 0 ? "person" : null,
      status: STATUSES[i % STATUSES.length],
      authorId,
    };
  });
  for (let i = 0; i < data.length; i += 500) await db.claim.createMany({ data: data.slice(i, i + 500) });
  const kinds = { plain: 0, nested: 0, overlapping: 0 };
  for (const r of ranges) kinds[r.kind]++;
  return kinds;
}

// ---------------------------------------------------------------------------------------------
// In-page probes. Strings rather than functions: tsx's transpiler wraps functions in helpers that
// do not exist in the page.

/**
 * Installed before any script of the article page runs: records when the editor appears and when
 * all `expected` claim ids are in the viewer's DOM, then the next frame and the paint after it.
 */
function openProbe(articlePath: string, expected: number): string {
  return `(() => {
  if (location.pathname !== ${JSON.stringify(articlePath)}) return;
  const expected = ${expected};
  const marks = { longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  let resolve;
  window.__benchOpen = new Promise((r) => (resolve = r));
  let root = null;
  let checks = 0;
  let container = null;
  const check = () => {
    checks++;
    // Shown: every claim's highlight is in the viewer, drawn by the server's text or by the editor.
    if (marks.shown === undefined) {
      container ??= document.querySelector(${JSON.stringify(VIEWER_BOX)});
      const drawn = container ? container.querySelectorAll("[data-claim-id]") : [];
      if (drawn.length >= expected && new Set(Array.from(drawn, (el) => el.getAttribute("data-claim-id"))).size >= expected) marks.shown = performance.now();
    }
    if (!root || !root.isConnected) {
      root = document.querySelector(${JSON.stringify(VIEWER)});
      if (!root) return;
      if (marks.editor === undefined) marks.editor = performance.now();
    }
    const spans = root.querySelectorAll("[data-claim-id]");
    if (spans.length < expected) return;
    const ids = new Set();
    for (const el of spans) ids.add(el.getAttribute("data-claim-id"));
    if (ids.size < expected) return;
    marks.highlights = performance.now();
    performance.mark("bench:highlights");
    marks.distinct = ids.size;
    marks.spans = spans.length;
    marks.checks = checks;
    observer.disconnect();
    requestAnimationFrame(() => {
      marks.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { marks.painted = performance.now(); resolve(marks); };
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

const NAVIGATION_TIMING = `(() => {
  const n = performance.getEntriesByType("navigation")[0];
  return { responseStart: n.responseStart, responseEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes: n.decodedBodySize, transfer: n.transferSize };
})()`;

/** Selects `start..end` of line `line` of the article text, as a mouse drag would. */
function selectLineRange(line: number, start: number, end: number, collapse: boolean): string {
  return `(() => {
  const root = document.querySelector(${JSON.stringify(VIEWER)});
  const paragraph = root.querySelectorAll(":scope > p")[${line}];
  if (!paragraph) throw new Error("no paragraph ${line}");
  // A start on a boundary between text nodes goes into the next node, an end into the previous one.
  const locate = (offset, isEnd) => {
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let seen = 0;
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (isEnd ? offset <= seen + length : offset < seen + length) return [node, offset - seen];
      seen += length;
      last = node;
    }
    if (last && offset === seen) return [last, last.textContent.length];
    throw new Error("offset " + offset + " is outside paragraph ${line}");
  };
  const range = document.createRange();
  range.setStart(...locate(${start}, false));
  range.setEnd(...locate(${end}, true));
  if (${collapse}) range.collapse(true);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return range.toString();
})()`;
}

/**
 * Armed once the form is filled: takes the time of the click on "Save claim" (the event's own
 * timestamp) and of the moment a claim id not seen before is in the viewer with exactly `quote`
 * under it, then the next frame. Also reads the server action's request from Resource Timing.
 */
function armTagProbe(quote: string): string {
  return `(() => {
  const root = document.querySelector(${JSON.stringify(VIEWER)});
  const before = new Set(Array.from(root.querySelectorAll("[data-claim-id]"), (el) => el.getAttribute("data-claim-id")));
  const quote = ${JSON.stringify(quote)};
  const t = {};
  performance.clearResourceTimings();
  let resolve;
  window.__benchTag = new Promise((r) => (resolve = r));
  const onClick = (event) => {
    if (t.click === undefined && event.target.closest && event.target.closest('[data-testid="claim-form"] button[type="submit"]')) t.click = event.timeStamp;
  };
  document.addEventListener("click", onClick, true);
  // Only what each mutation added is looked at: reading every highlight of the article on each
  // mutation cost the probe itself time that grew with the number of claims.
  const check = (records) => {
    if (t.click === undefined) return;
    const viewer = document.querySelector(${JSON.stringify(VIEWER)});
    const fresh = new Set();
    for (const record of records) {
      for (const node of record.type === "attributes" ? [record.target] : record.addedNodes) {
        if (!(node instanceof Element) || !viewer.contains(node)) continue;
        for (const el of [node, ...node.querySelectorAll("[data-claim-id]")]) {
          const id = el.getAttribute("data-claim-id");
          if (id !== null && !before.has(id)) fresh.add(id);
        }
      }
    }
    for (const id of fresh) {
      const text = Array.from(viewer.querySelectorAll('[data-claim-id="' + id + '"]'), (x) => x.textContent).join("");
      if (text !== quote) continue;
      t.highlight = performance.now();
      performance.mark("bench:highlight");
      t.id = id;
      observer.disconnect();
      document.removeEventListener("click", onClick, true);
      requestAnimationFrame(() => {
        t.frame = performance.now();
        resolve(t);
      });
      return;
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-claim-id"] });
})()`;
}

async function awaitInPage<T>(page: Page, expression: string, what: string, ms = 30_000): Promise<T> {
  return withTimeout(page.evaluate(expression) as Promise<T>, ms, what);
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface OpenMarks {
  /** Every highlight in the viewer, the server's static text or the editor's. */
  shown: number;
  editor: number;
  highlights: number;
  frame: number;
  painted: number;
  distinct: number;
  spans: number;
  checks: number;
  longTasks: [number, number][];
}
interface NavTiming {
  responseStart: number;
  responseEnd: number;
  domInteractive: number;
  dcl: number;
  load: number;
  bytes: number;
  transfer: number;
}
interface OpenRun extends OpenMarks {
  nav: NavTiming;
  /** The page's own User Timing marks named "derek:…", if the build sets any (a profiling aid). */
  appMarks: Record<string, number>;
}

const APP_MARKS = `Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("derek:")).map((m) => [m.name, m.startTime]))`;

async function measureOpen(page: Page, articlePath: string, expected: number, fromBlank = true): Promise<OpenRun> {
  if (fromBlank) await page.goto("about:blank");
  await page.goto(articlePath, { waitUntil: "commit" });
  let marks: OpenMarks;
  try {
    marks = await awaitInPage<OpenMarks>(page, "window.__benchOpen", `opening ${articlePath} until ${expected} highlights`);
  } catch (error) {
    const seen = await page
      .evaluate(`(() => {
        const root = document.querySelector(${JSON.stringify(VIEWER)});
        const ids = root ? new Set(Array.from(root.querySelectorAll("[data-claim-id]"), (e) => e.getAttribute("data-claim-id"))).size : -1;
        return { url: location.href, probe: typeof window.__benchOpen, editor: !!root, ids, title: document.title, error: document.querySelector("h1, h2")?.textContent ?? null };
      })()`)
      .catch((e: Error) => e.message);
    throw new Error(`${(error as Error).message}; the page shows ${JSON.stringify(seen)}`);
  }
  await page.waitForLoadState("load");
  const nav = (await page.evaluate(NAVIGATION_TIMING)) as NavTiming;
  const appMarks = (await page.evaluate(APP_MARKS)) as Record<string, number>;
  return { ...marks, nav, appMarks };
}

interface TagSpan {
  line: number;
  /** Offsets within the line. */
  start: number;
  end: number;
  quote: string;
}

/** `count` two-word spans spread over the text's longer lines, none overlapping another. */
function tagSpans(text: string, count: number, avoid: { start: number; end: number }[] = []): TagSpan[] {
  const lines = wordsOf(text);
  const lineStart: number[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    lineStart.push(offset);
    offset += line.length + 1;
  }
  const pairs = lines.flatMap((line) => line.slice(0, -1).map((w, k) => [w, line[k + 1]] as const)).filter(([a, b]) => !avoid.some((r) => r.start < b.end && a.start < r.end));
  const spans: TagSpan[] = [];
  const step = Math.max(2, Math.floor(pairs.length / count));
  for (let i = 0; spans.length < count && i < pairs.length; i += step) {
    const [a, b] = pairs[i];
    spans.push({ line: a.line, start: a.start - lineStart[a.line], end: b.end - lineStart[a.line], quote: text.slice(a.start, b.end) });
  }
  if (spans.length < count) throw new Error(`found only ${spans.length} free spans to tag`);
  return spans;
}

interface TagRun {
  click: number;
  highlight: number;
  frame: number;
  requestStart?: number;
  responseStart?: number;
  responseEnd?: number;
}

/** Around the click on "Save claim" until its highlight is drawn (a profiler, for one). */
interface AroundSave {
  before(): Promise<void>;
  after(): Promise<void>;
}

async function tagOnce(page: Page, span: TagSpan, around?: AroundSave): Promise<TagRun> {
  const tagButton = page.getByRole("button", { name: /Tag claim/ });
  const form = page.locator('[data-testid="claim-form"]');
  for (let attempt = 1; ; attempt++) {
    // A caret first, so the popover of the previous selection goes away and the next one is ours.
    await page.evaluate(selectLineRange(span.line, span.start, span.start, true));
    await tagButton.waitFor({ state: "hidden" });
    const selected = (await page.evaluate(selectLineRange(span.line, span.start, span.end, false))) as string;
    if (selected !== span.quote) throw new Error(`selected "${selected}", meant "${span.quote}"`);
    await tagButton.click();
    await form.waitFor();
    const quote = (await form.locator(".claim-quote").textContent()) ?? "";
    if (quote === span.quote) break;
    if (attempt >= 3) throw new Error(`the form opened on "${quote}", meant "${span.quote}"`);
    await page.keyboard.press("Escape");
    await form.waitFor({ state: "detached" });
  }
  await form.getByLabel("Value").fill("1200");
  await page.evaluate(armTagProbe(span.quote));
  const save = form.getByRole("button", { name: "Save claim" });
  await save.waitFor();
  await around?.before();
  await save.click();
  const t = await awaitInPage<TagRun>(page, "window.__benchTag", `saving the claim on "${span.quote}"`);
  await around?.after();
  await form.waitFor({ state: "detached" });
  // The server action's request, from Resource Timing (its entry can land a little after the highlight).
  for (let i = 0; i < 20; i++) {
    const request = (await page.evaluate(`(() => {
      const e = performance.getEntriesByType("resource").find((e) => e.initiatorType === "fetch" && e.startTime >= ${t.click});
      return e ? { requestStart: e.startTime, responseStart: e.responseStart, responseEnd: e.responseEnd } : null;
    })()`)) as Pick<TagRun, "requestStart" | "responseStart" | "responseEnd"> | null;
    if (request) return { ...t, ...request };
    await page.waitForTimeout(50);
  }
  return t;
}

/** One article open in its own tab, and the spans to tag on it. */
interface TagTarget {
  page: Page;
  spans: TagSpan[];
}

async function openTagTarget(context: BrowserContext, articlePath: string, spans: TagSpan[]): Promise<TagTarget> {
  const page = await context.newPage();
  await page.goto(articlePath);
  await page.locator(VIEWER).waitFor();
  return { page, spans };
}

/**
 * Tags on the two articles in turn, one save on each, each in its own tab (brought to the front
 * before its save): the ratio of the two is the goal, and on a shared machine the load of other
 * work changes within minutes, so saves taken one article after the other compared two loads.
 */
async function measureTaggingInTurn(empty: TagTarget, full: TagTarget, warmups: number): Promise<{ empty: TagRun[]; full: TagRun[] }> {
  const runs = { empty: [] as TagRun[], full: [] as TagRun[] };
  for (let i = 0; i < Math.min(empty.spans.length, full.spans.length); i++) {
    for (const [name, target] of [["empty", empty], ["full", full]] as const) {
      await target.page.bringToFront();
      const run = await tagOnce(target.page, target.spans[i]);
      if (i >= warmups) runs[name].push(run);
    }
  }
  return runs;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of each kind of work on one thread of a Chromium trace (nested events count once). */
function selfTimeByName(events: TraceEvent[]): Map<string, number> {
  const complete = events.filter((e) => e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; childTime: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length > 0 && stack[stack.length - 1].end <= upTo) {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + (top.e.dur! - top.childTime) / 1000);
      if (stack.length > 0) stack[stack.length - 1].childTime += top.e.dur!;
    }
  };
  for (const e of complete) {
    close(e.ts);
    stack.push({ e, end: e.ts + e.dur!, childTime: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return self;
}

/**
 * One save under the V8 sampling profiler and a Chromium trace, from the click to the highlight:
 * the functions with the most self time, and the page's main-thread work by kind, in ms.
 */
async function profileTagOnce(page: Page, span: TagSpan, name: string): Promise<{ functions: string[]; work: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  let profile: CpuProfile | undefined;
  try {
    await tagOnce(page, span, {
      before: async () => {
        await cdp.send("Tracing.start", { categories: "devtools.timeline,blink.user_timing,toplevel", transferMode: "ReportEvents" });
        await page.evaluate(`performance.mark("bench:save")`);
        await cdp.send("Profiler.start");
      },
      after: async () => {
        await page.evaluate(`performance.mark("bench:saved")`);
        profile = ((await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile }).profile;
        await cdp.send("Tracing.end");
        await withTimeout(traced, 60_000, "collecting the trace");
      },
    });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  if (!profile) throw new Error("the profiler gave no profile");
  const keepIn = process.env.BENCH_TAG_PROFILE_DIR;
  if (keepIn) {
    writeFileSync(path.join(keepIn, `tag-${name}.cpuprofile`), JSON.stringify(profile));
    writeFileSync(path.join(keepIn, `tag-${name}.trace.json`), JSON.stringify({ traceEvents: events }));
  }
  const { nodes, samples, timeDeltas } = profile;
  const frameOf = new Map(nodes.map((n) => [n.id, n.callFrame]));
  const parentOf = new Map(nodes.flatMap((n) => (n.children ?? []).map((child) => [child, n.id] as const)));
  const nameOf = (id: number) => {
    const f = frameOf.get(id)!;
    return `${f.functionName || "(anonymous)"} ${f.url.split("/").at(-1)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  // Named with its three callers: a browser function's own name says little about whose work it did.
  const functions = new Map<string, number>();
  samples.forEach((id, i) => {
    const callers: string[] = [];
    for (let up = parentOf.get(id); up !== undefined && callers.length < 3; up = parentOf.get(up)) callers.push(nameOf(up));
    const name = [nameOf(id), ...callers].join(" < ");
    functions.set(name, (functions.get(name) ?? 0) + timeDeltas[i] / 1000);
  });
  const from = events.find((e) => e.name === "bench:save");
  const to = events.find((e) => e.name === "bench:saved");
  const mainThread = from && to ? events.filter((e) => e.pid === from.pid && e.tid === from.tid && e.ts >= from.ts && e.ts + (e.dur ?? 0) <= to.ts) : [];
  const top = (times: Map<string, number>) => [...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, time]) => `${time.toFixed(1).padStart(7)} ms  ${name}`);
  return { functions: top(functions), work: top(selfTimeByName(mainThread)) };
}

/** BENCH_WORKBENCH_ONLY=tagging: both taggings as in the full run, their figures printed, nothing written. */
async function tagOnly(context: BrowserContext, smallId: string, smallText: string, bigPath: string, bigText: string, bigId: string) {
  const smallSpans = tagSpans(smallText, TAG_WARMUPS + TAG_RUNS + 1);
  const bigClaims = await db.claim.findMany({ where: { articleId: bigId }, select: { start: true, end: true } });
  const bigSpans = tagSpans(bigText, TAG_WARMUPS + TAG_RUNS + 1, bigClaims);
  const emptyTarget = await openTagTarget(context, `/articles/${smallId}`, smallSpans.slice(0, -1));
  const fullTarget = await openTagTarget(context, bigPath, bigSpans.slice(0, -1));
  const { empty: tags, full: tagsBig } = await measureTaggingInTurn(emptyTarget, fullTarget, TAG_WARMUPS);
  const profiling = process.env.BENCH_TAG_PROFILE === "1";
  if (profiling) await emptyTarget.page.bringToFront();
  const profileSmall = profiling ? await profileTagOnce(emptyTarget.page, smallSpans.at(-1)!, "empty") : null;
  const split = (runs: TagRun[]) => {
    const sent = runs.filter((t) => t.requestStart !== undefined);
    return {
      clickToRequest: summary(sent.map((t) => t.requestStart! - t.click)),
      request: summary(sent.map((t) => t.responseEnd! - t.requestStart!)),
      responseToHighlight: summary(sent.map((t) => t.highlight - t.responseEnd!)),
      total: summary(runs.map((t) => t.highlight - t.click)),
      toFrame: summary(runs.map((t) => t.frame - t.click)),
    };
  };
  const empty = split(tags);
  const full = split(tagsBig);
  for (const phase of ["clickToRequest", "request", "responseToHighlight", "total", "toFrame"] as const) {
    log(`${phase}: empty ${ms(empty[phase].median)} (p95 ${ms(empty[phase].p95)}), ${CLAIMS} claims ${ms(full[phase].median)} (p95 ${ms(full[phase].p95)})`);
  }
  log(`ratio at the median: ${(full.total.median / empty.total.median).toFixed(2)}× (goal ≤ ${TAG_RATIO_GOAL}×); load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  if (!profileSmall) return;
  await fullTarget.page.bringToFront();
  const { functions, work } = await profileTagOnce(fullTarget.page, bigSpans.at(-1)!, `${CLAIMS}-claims`);
  log(`one save on the article with ${CLAIMS} claims, functions by self time:\n${functions.join("\n")}`);
  log(`the same save, the page's main thread by kind of work:\n${work.join("\n")}`);
  log(`one save on the article without claims, functions by self time:\n${profileSmall.functions.join("\n")}`);
  log(`the same save, the page's main thread by kind of work:\n${profileSmall.work.join("\n")}`);
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/**
 * One more open under a Chromium performance trace (devtools.timeline): self time of each kind of
 * work on the page's main thread from navigation start to the moment all highlights are in the DOM.
 */
async function traceOpen(context: BrowserContext, page: Page, articlePath: string, expected: number) {
  await page.goto("/articles");
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink.user_timing,loading,toplevel",
    transferMode: "ReportEvents",
  });
  let run: OpenRun;
  try {
    run = await measureOpen(page, articlePath, expected, false);
  } finally {
    await cdp.send("Tracing.end");
    await withTimeout(complete, 60_000, "collecting the trace");
    await cdp.detach().catch(() => undefined);
  }
  if (process.env.BENCH_OPEN_TRACE) writeFileSync(process.env.BENCH_OPEN_TRACE, JSON.stringify({ traceEvents: events }));
  const end = events.find((e) => e.name === "bench:highlights");
  if (!end) return null;
  const mainThread = events.filter((e) => e.pid === end.pid && e.tid === end.tid);
  const navigationStart = mainThread.filter((e) => e.name === "navigationStart" && e.ts <= end.ts).at(-1)?.ts ?? Math.min(...mainThread.map((e) => e.ts));
  const complete_ = mainThread.filter((e) => e.ph === "X" && e.dur !== undefined && e.ts >= navigationStart && e.ts <= end.ts).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; childTime: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length > 0 && stack[stack.length - 1].end <= upTo) {
      const top = stack.pop()!;
      const own = top.e.dur! - top.childTime;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + own);
      if (stack.length > 0) stack[stack.length - 1].childTime += top.e.dur!;
    }
  };
  for (const e of complete_) {
    close(e.ts);
    stack.push({ e, end: e.ts + Math.min(e.dur!, end.ts - e.ts), childTime: 0 });
    stack[stack.length - 1].e = { ...e, dur: stack[stack.length - 1].end - e.ts };
  }
  close(Number.POSITIVE_INFINITY);
  const wall = (end.ts - navigationStart) / 1000;
  const busy = [...self.values()].reduce((a, b) => a + b, 0) / 1000;
  const top = [...self.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms).slice(0, 12);
  return { wall, busy, top, run: run! };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * One more open under V8's sampling profiler (only with BENCH_WORKBENCH_ONLY=open): the functions
 * and the scripts with the most self time from the navigation to the highlights' frame, to see
 * what the page's own JavaScript spends the open on ("(program)" is the browser's own work).
 */
async function profileOpen(context: BrowserContext, page: Page, articlePath: string, expected: number) {
  await page.goto("/articles");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  try {
    await measureOpen(page, articlePath, expected, false);
  } finally {
    const { profile } = await cdp.send("Profiler.stop");
    await cdp.detach().catch(() => undefined);
    const nodes = new Map((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
    const byFunction = new Map<string, number>();
    const byScript = new Map<string, number>();
    profile.samples?.forEach((id, i) => {
      const { functionName, url, lineNumber, columnNumber } = nodes.get(id)!.callFrame;
      const us = profile.timeDeltas?.[i] ?? 0;
      const script = url.split("/").at(-1) || "(native)";
      const name = `${functionName || "(anonymous)"} ${script}:${lineNumber + 1}:${columnNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + us);
      byScript.set(script, (byScript.get(script) ?? 0) + us);
    });
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(1)} ms ${k}`);
    log(`profile, self time by script:\n  ${top(byScript, 15).join("\n  ")}`);
    log(`profile, self time by function:\n  ${top(byFunction, 40).join("\n  ")}`);
  }
}

/** Server-side phases, in this process against the same database: the claim query and the decorations. */
async function serverPhases(articleId: string, actor: Actor, bodyText: string) {
  const query: number[] = [];
  let claims: Awaited<ReturnType<typeof listArticleClaims>> = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    claims = await listArticleClaims({ actor, articleId });
    if (i >= 2) query.push(performance.now() - t0);
  }
  const json = JSON.stringify(claims).length;
  // What claim-decorations.ts drawAll does when the viewer starts, on Node's V8 (the browser's is the same engine).
  const doc = toProseMirrorDoc(plainTextToDoc(bodyText));
  const index: number[] = [];
  const decorate: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const textIndex = createTextIndex(doc);
    const t1 = performance.now();
    const decorations = claims.map((c) => {
      const { from, to } = textIndex.textRangeToPosRange(c);
      return Decoration.inline(from, to, { class: "claim", title: c.quote, "data-claim-id": c.id });
    });
    DecorationSet.create(doc, decorations);
    const t2 = performance.now();
    if (i >= 2) {
      index.push(t1 - t0);
      decorate.push(t2 - t1);
    }
  }
  return { query: median(query), claimsJsonBytes: json, textIndex: median(index), decorations: median(decorate) };
}

/** The page's HTML from Node with the browser's session cookie: server render alone, no browser. */
async function serverRender(appUrl: string, articlePath: string, cookie: string) {
  const ttfb: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const response = await fetch(appUrl + articlePath, { headers: { cookie }, redirect: "manual" });
    const t1 = performance.now();
    const body = await response.text();
    const t2 = performance.now();
    if (response.status !== 200) throw new Error(`GET ${articlePath} answered ${response.status}`);
    bytes = Buffer.byteLength(body);
    if (i === 0 && process.env.BENCH_OPEN_HTML) writeFileSync(process.env.BENCH_OPEN_HTML, body);
    if (i >= 2) {
      ttfb.push(t1 - t0);
      total.push(t2 - t0);
    }
  }
  return { ttfb: median(ttfb), total: median(total), bytes };
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (n: number) => `${Math.round(n)} ms`;
const yes = (ok: boolean) => (ok ? "**met**" : "**not met**");

function summary(xs: number[]) {
  return { median: median(xs), p95: percentile(xs, 95), min: Math.min(...xs), max: Math.max(...xs) };
}


function machine(): string {
  let chromium = "Chromium";
  try {
    chromium = execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8", timeout: 10_000 }).trim();
  } catch {}
  return `${describeMachine()}, ${chromium} (headless, the e2e flags)`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const cleanup = new Cleanup();
  cleanup.stopOnSignals(log);
  try {
    const stack = await startStack(cleanup, log);
    const editorAccount = DEMO_ACCOUNTS.find((a) => a.role === "EDITOR")!;
    const editor = await db.user.findUniqueOrThrow({ where: { email: editorAccount.email }, select: { id: true, role: true, active: true } });

    // 1. The long article and its 2,000 claims.
    const corpus = seedCorpus();
    const bigText = [`Өнімділік өлшемі: ${CLAIMS} талап`, ...Array.from({ length: CORPUS_COPIES }, () => corpus).flat()].join("\n");
    const big = await createArticle({ actorId: editor.id, text: bigText, title: `Benchmark: ${CLAIMS} claims` });
    const kinds = await insertClaims(big.articleId, bigText, editor.id, CLAIMS);
    const suggestionsOnBig = (await listSuggestions({ actor: editor, articleId: big.articleId })).length;
    log(`Article of ${bigText.length} characters with ${CLAIMS} claims (${JSON.stringify(kinds)}) and ${suggestionsOnBig} suggestions.`);

    // The smaller article to tag on: two seed texts.
    const smallText = ["Өнімділік өлшемі: белгілеу", corpus[0], corpus[1]].join("\n");
    const small = await createArticle({ actorId: editor.id, text: smallText, title: "Benchmark: tagging" });
    const suggestionsOnSmall = (await listSuggestions({ actor: editor, articleId: small.articleId })).length;

    const { context, page } = await openChromium(cleanup, stack.appUrl);
    await signIn(page, editorAccount.email, editorAccount.password);
    const bigPath = `/articles/${big.articleId}`;
    if (ONLY_TAGGING) return await tagOnly(context, small.articleId, smallText, bigPath, bigText, big.articleId);
    await context.addInitScript({ content: openProbe(bigPath, CLAIMS) });

    // 2. Opening the article.
    const opens: OpenRun[] = [];
    for (let i = 0; i < OPEN_WARMUPS + OPEN_RUNS; i++) {
      const run = await measureOpen(page, bigPath, CLAIMS);
      if (run.distinct !== CLAIMS) throw new Error(`saw ${run.distinct} claims, wanted ${CLAIMS}`);
      if (i >= OPEN_WARMUPS) opens.push(run);
      log(`open ${i < OPEN_WARMUPS ? "warm-up" : i - OPEN_WARMUPS + 1}: shown at ${ms(run.shown)}, in the editor at ${ms(run.highlights)} (TTFB ${ms(run.nav.responseStart)}, DCL ${ms(run.nav.dcl)}, editor ${ms(run.editor)})`);
    }
    const cookie = (await context.cookies(stack.appUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
    const render = await serverRender(stack.appUrl, bigPath, cookie);
    const phases = await serverPhases(big.articleId, editor, bigText);
    log(`server: ${JSON.stringify(render)}; phases: ${JSON.stringify(phases)}`);
    const trace = await traceOpen(context, page, bigPath, CLAIMS);
    log(`trace: ${JSON.stringify(trace)}`);
    if (OPEN_ONLY) {
      await profileOpen(context, page, bigPath, CLAIMS);
      const split = (name: string, xs: number[]) => log(`${name}: ${JSON.stringify(summary(xs))}`);
      split("open → highlights shown", opens.map((r) => r.shown));
      split("open → highlights in the editor", opens.map((r) => r.highlights));
      split("first byte", opens.map((r) => r.nav.responseStart));
      split("DOMContentLoaded", opens.map((r) => r.nav.dcl));
      split("DOMContentLoaded → editor", opens.map((r) => r.editor - r.nav.dcl));
      split("long tasks before the highlights", opens.map((r) => r.longTasks.filter(([start]) => start < r.highlights).reduce((sum, [, d]) => sum + d, 0)));
      log(`HTML ${(opens[0].nav.bytes / 1e6).toFixed(2)} MB decoded`);
      const markNames = [...new Set(opens.flatMap((r) => Object.keys(r.appMarks)))].sort((a, b) => median(opens.map((r) => r.appMarks[a] ?? NaN)) - median(opens.map((r) => r.appMarks[b] ?? NaN)));
      for (const name of markNames) split(`mark ${name}`, opens.map((r) => r.appMarks[name]).filter((x) => x !== undefined));
      return;
    }

    // 3. Tagging, on the small article and on the one with 2,000 claims in turn (the tab that
    // opened the article stays on a blank page meanwhile).
    await page.goto("about:blank");
    const smallSpans = tagSpans(smallText, TAG_WARMUPS + TAG_RUNS);
    const bigClaims = await db.claim.findMany({ where: { articleId: big.articleId }, select: { start: true, end: true } });
    const bigSpans = tagSpans(bigText, TAG_WARMUPS + TAG_RUNS, bigClaims);
    const { empty: tags, full: tagsBig } = await measureTaggingInTurn(
      await openTagTarget(context, `/articles/${small.articleId}`, smallSpans),
      await openTagTarget(context, bigPath, bigSpans),
      TAG_WARMUPS,
    );
    for (const [i, t] of tags.entries()) log(`tag ${i + 1}: ${ms(t.highlight - t.click)} (request ${t.requestStart === undefined ? "?" : ms(t.responseEnd! - t.requestStart)}), on the big article ${ms(tagsBig[i].highlight - tagsBig[i].click)}`);

    // 4. Report.
    const toShown = summary(opens.map((r) => r.shown));
    const toHighlights = summary(opens.map((r) => r.highlights));
    const toPainted = summary(opens.map((r) => r.painted));
    const ttfb = summary(opens.map((r) => r.nav.responseStart));
    const responseEnd = summary(opens.map((r) => r.nav.responseEnd));
    const dcl = summary(opens.map((r) => r.nav.dcl));
    const editorUp = summary(opens.map((r) => r.editor));
    const dclToEditor = summary(opens.map((r) => r.editor - r.nav.dcl));
    const editorToHighlights = summary(opens.map((r) => r.highlights - r.editor));
    const roundTrip = summary(tags.map((t) => t.highlight - t.click));
    const roundTripFrame = summary(tags.map((t) => t.frame - t.click));
    const withRequest = tags.filter((t) => t.requestStart !== undefined);
    const clickToRequest = summary(withRequest.map((t) => t.requestStart! - t.click));
    const request = summary(withRequest.map((t) => t.responseEnd! - t.requestStart!));
    const responseToHighlight = summary(withRequest.map((t) => t.highlight - t.responseEnd!));
    const roundTripBig = summary(tagsBig.map((t) => t.highlight - t.click));
    const bigWithRequest = tagsBig.filter((t) => t.requestStart !== undefined);
    const requestBig = summary(bigWithRequest.map((t) => t.responseEnd! - t.requestStart!));
    const responseToHighlightBig = summary(bigWithRequest.map((t) => t.highlight - t.responseEnd!));
    const longTasks = opens.map((r) => r.longTasks.filter(([start]) => start < r.highlights).reduce((sum, [, d]) => sum + d, 0));
    const openMet = toShown.p95 <= OPEN_GOAL_MS;
    const openMetMedian = toShown.median <= OPEN_GOAL_MS;
    const tagMet = roundTrip.median < TAG_GOAL_MS;
    const tagRatio = roundTripBig.median / roundTrip.median;
    const tagRatioMet = tagRatio <= TAG_RATIO_GOAL;
    const row = (name: string, s: ReturnType<typeof summary>) => `| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.min)}–${ms(s.max)} |`;

    const section = `${SECTION}

Reproduce with \`npx tsx bench/workbench.ts\` (starts its own PostgreSQL, seeds, builds if needed,
runs \`next start\` and Debian's Chromium, stops them all; rewrites this section). ${machine()}.
App, PostgreSQL and browser share the machine; the browser talks to the app over localhost.

**Method.** An article of ${bigText.length.toLocaleString("en")} characters (the five seed texts, ${CORPUS_COPIES}×, ${bigText.split("\n").length} paragraphs)
with ${CLAIMS.toLocaleString("en")} claims (${kinds.plain} plain spans of 1–4 words spread evenly, ${kinds.nested} nested inside one of
them, ${kinds.overlapping} overlapping one; DRAFT/SUBMITTED/VERIFIED in turn; inserted with \`createMany\`) and the
${suggestionsOnBig} suggestions the reader proposes on it. Signed in as the editor, the article is opened
${OPEN_WARMUPS} + ${OPEN_RUNS} times (the first ${OPEN_WARMUPS} not counted; the JavaScript is in the browser cache afterwards, as for
a returning user) from \`about:blank\`. Times are taken in the page, relative to navigation start
(\`performance.now()\`): a MutationObserver installed before any page script notes when the number of
distinct \`data-claim-id\` values inside \`${VIEWER_BOX}\` reaches ${CLAIMS} (shown: the server's rendering of the
text draws them, app/(workbench)/articles/[id]/static-document.tsx), and when it does inside the editor,
\`${VIEWER}\`, which takes the text's place once loaded (from then on words can be selected and tagged).
Tagging: on a fresh article of ${smallText.length.toLocaleString("en")} characters (two seed texts, ${suggestionsOnSmall} suggestions, no claims at
first), ${TAG_WARMUPS} + ${TAG_RUNS} times: select two words programmatically, "Tag claim", fill "Value", then from the
click on "Save claim" (the click event's own timestamp) to the moment a new claim id covering exactly
those words is in the viewer's DOM. The same, ${TAG_WARMUPS} + ${TAG_RUNS} times, on the article with ${CLAIMS.toLocaleString("en")} claims
(on words no claim covers yet), the two articles open in two tabs and tagged in turn, one save on
each, so that the load of other work on the machine falls on both alike.

| Goal | median | p95 | min–max | goal | result |
|---|---:|---:|---:|---|---|
| Open an article with ${CLAIMS.toLocaleString("en")} claims until all highlights are shown (in the DOM, drawn with the server's text; n=${OPEN_RUNS}) | ${ms(toShown.median)} | ${ms(toShown.p95)} | ${ms(toShown.min)}–${ms(toShown.max)} | ≤ ${OPEN_GOAL_MS} ms | ${yes(openMet)} at p95, ${yes(openMetMedian)} at the median |
| The same until the editor holds them all (tagging possible; n=${OPEN_RUNS}) | ${ms(toHighlights.median)} | ${ms(toHighlights.p95)} | ${ms(toHighlights.min)}–${ms(toHighlights.max)} | – (shown, not judged) | |
| Tagging round trip, click on "Save claim" to the highlight in the DOM (n=${TAG_RUNS}) | ${ms(roundTrip.median)} | ${ms(roundTrip.p95)} | ${ms(roundTrip.min)}–${ms(roundTrip.max)} | median < ${TAG_GOAL_MS} ms | ${yes(tagMet)} |
| The same on the article with ${CLAIMS.toLocaleString("en")} claims (n=${tagsBig.length}) | ${ms(roundTripBig.median)} | ${ms(roundTripBig.p95)} | ${ms(roundTripBig.min)}–${ms(roundTripBig.max)} | median ≤ ${TAG_RATIO_GOAL}× the above | ${tagRatio.toFixed(2)}×: ${yes(tagRatioMet)} |

Opening, split (from navigation start):

| phase | median | p95 | min–max |
|---|---:|---:|---:|
${row("first byte of the HTML (server render incl. the claim query)", ttfb)}
${row("HTML fully received", responseEnd)}
${row("every highlight shown (the server's text)", toShown)}
${row("DOMContentLoaded", dcl)}
${row("editor in the DOM (hydration, tiptap created)", editorUp)}
${row("every highlight in the editor", toHighlights)}
${row("the frame after that (next rAF + task)", toPainted)}
${row("DOMContentLoaded → editor in the DOM", dclToEditor)}
${row("editor in the DOM → every highlight in it", editorToHighlights)}

Main-thread long tasks (> 50 ms) before the highlights: median ${ms(median(longTasks))} per open. The page's HTML is
${(opens[0].nav.bytes / 1e6).toFixed(2)} MB decoded (the text, the RSC payload with the ${CLAIMS.toLocaleString("en")} claims and the side list).
Server side, measured separately: \`GET\` of the page from Node with the session cookie, no browser:
first byte ${ms(render.ttfb)}, whole body ${ms(render.total)} (median of 10); \`listArticleClaims\` for ${CLAIMS.toLocaleString("en")} claims
${phases.query.toFixed(1)} ms (${(phases.claimsJsonBytes / 1e6).toFixed(2)} MB as JSON); the decorations on Node's V8: \`createTextIndex\`
${phases.textIndex.toFixed(2)} ms, ${CLAIMS.toLocaleString("en")} × \`textRangeToPosRange\` + \`Decoration.inline\` + \`DecorationSet.create\` ${phases.decorations.toFixed(2)} ms.

${
  trace
    ? `One more open under a Chromium performance trace (devtools.timeline; tracing slows it: ${ms(trace.wall)} to the highlights):
the page's main thread was busy ${ms(trace.busy)} of it. Self time by kind of work:

| work on the main thread | self time |
|---|---:|
${trace.top.map((t) => `| ${t.name} | ${t.ms.toFixed(1)} ms |`).join("\n")}
`
    : "(The trace had no highlights mark.)"
}
Tagging, split (from the click):

| phase | median | p95 | min–max |
|---|---:|---:|---:|
${row("click → server action request sent (client validation)", clickToRequest)}
${row("server action request → response end (create, read the new claim back)", request)}
${row("response end → highlight in the DOM (React, decorations)", responseToHighlight)}
${row("click → highlight in the DOM", roundTrip)}
${row("click → the frame after it", roundTripFrame)}
${row(`on the article with ${CLAIMS.toLocaleString("en")} claims: click → highlight in the DOM (n=${tagsBig.length})`, roundTripBig)}
${row("  of which the server action request → response end", requestBig)}
${row("  of which response end → highlight", responseToHighlightBig)}
`;
    publishBenchmarkSection(SECTION, section, log);
  } finally {
    await cleanup.runAll();
  }
}

runBenchmark(main);
