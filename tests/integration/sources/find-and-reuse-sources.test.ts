import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import type { Actor } from "@/lib/auth/policy";
import { createClaimSchema, updateClaimSchema, type ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { createClaim } from "@/lib/claims/create-claim";
import { updateClaim } from "@/lib/claims/update-claim";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { findOrCreateSource } from "@/lib/sources/find-or-create-source";
import { normaliseUrl } from "@/lib/sources/normalise-url";
import { searchSources, type FoundSource } from "@/lib/sources/search-sources";
import { sourceOnFile } from "@/lib/sources/source-on-file";
import { sourceSearchSchema } from "@/lib/sources/source-search-schema";
import { SEED_TEXTS_DIR } from "../../support/paths";

const QUOTE = "төрт мыңға жуық адам";
let text: string;
let articleId: string;
let editor: Actor;
let counter = 0;

async function addSource(url: string, data: { title?: string; publisher?: string } = {}) {
  return db.source.create({ data: { url, urlKey: normaliseUrl(url), kind: "OFFICIAL_STATEMENT", ...data } });
}

/** A claim citing these sources, each link made at the given moment (the source's "last cited"). */
async function cite(sourceIds: string[], at = new Date()) {
  const claim = await db.claim.create({
    data: { articleId, start: 0, end: 5, quote: text.slice(0, 5), category: "OTHER", qualifier: "VAGUE", authorId: editor.id, note: `c${++counter}` },
  });
  for (const sourceId of sourceIds) await db.claimSource.create({ data: { claimId: claim.id, sourceId, createdAt: at } });
  return claim;
}

function tag(sources: ClaimFieldsInput["sources"]) {
  const start = text.indexOf(QUOTE);
  const fields: ClaimFieldsInput = { category: "DETENTION_COUNT", value: "4000", qualifier: "APPROXIMATELY", sources };
  return createClaim({ actor: editor, input: createClaimSchema.parse({ articleId, revision: 1, start, end: start + QUOTE.length, ...fields }) });
}

const search = (query: string, after: string | null = null, take?: number) => searchSources({ actor: editor, search: sourceSearchSchema.parse({ query, after }), take });
const ids = (sources: FoundSource[]) => sources.map((s) => s.id);

beforeAll(async () => {
  text = await readFile(path.join(SEED_TEXTS_DIR, "002_37550b50464d8635.txt"), "utf8");
  articleId = (await createArticle({ actorId: null, text })).articleId;
  const user = await db.user.create({ data: { email: "sources@derek.test", name: "Дереккөз", role: "EDITOR", passwordHash: "x" } });
  editor = { id: user.id, role: "EDITOR", active: true };
});

describe("finding a source on file", () => {
  it("lists the most cited first, ties by the most recent citation, with how often each is cited", async () => {
    const once = await addSource("https://stat.gov.kz/ru/news/1", { title: "Бюро ұлттық статистикасы" });
    const thrice = await addSource("https://www.gov.kz/memleket/entities/qriim/press", { title: "ІІМ брифингі", publisher: "Ішкі істер министрлігі" });
    const onceLater = await addSource("https://akorda.kz/kz/speeches", { title: "Ақорда" });
    const never = await addSource("https://election.gov.kz/kaz/news", { title: "ОСК" });
    await cite([once.id, thrice.id], new Date("2026-01-01T10:00:00Z"));
    await cite([thrice.id], new Date("2026-01-02T10:00:00Z"));
    await cite([thrice.id, onceLater.id], new Date("2026-02-01T10:00:00Z"));

    const page = await search("");
    expect(ids(page.sources)).toEqual([thrice.id, onceLater.id, once.id, never.id]);
    expect(page.sources.map((s) => s.citationCount)).toEqual([3, 1, 1, 0]);
    expect(page.next).toBeNull();
  });

  it("finds every word typed in the address, title or publisher, whatever its case, most cited first", async () => {
    const byPublisher = await search("ішкі ІСТЕР");
    expect(byPublisher.sources.map((s) => s.title)).toEqual(["ІІМ брифингі"]);
    expect(ids((await search("qriim press")).sources)).toEqual(ids(byPublisher.sources));
    expect((await search("gov.kz")).sources.map((s) => s.title)).toEqual(["ІІМ брифингі", "Бюро ұлттық статистикасы", "ОСК"]);
    expect((await search("100%_")).sources).toEqual([]);
  });

  it("finds a source by its address pasted under another spelling", async () => {
    const found = await search("http://gov.kz/memleket/entities/qriim/press/?utm_source=telegram");
    expect(found.sources.map((s) => s.title)).toEqual(["ІІМ брифингі"]);
    expect(await sourceOnFile({ actor: editor, url: "https://WWW.GOV.KZ/memleket/entities/qriim/press#top" })).toMatchObject({ title: "ІІМ брифингі" });
    expect(await sourceOnFile({ actor: editor, url: "https://gov.kz/memleket/entities/other" })).toBeNull();
  });

  it("pages through every match once, in order, without gaps, ties in citations and times included", async () => {
    const at = new Date("2026-03-01T08:00:00Z");
    for (let i = 0; i < 23; i++) {
      const source = await addSource(`https://paging.kz/doc/${i}`, { publisher: "Беттеу" });
      // Three groups of equal citation counts, the last citation at the same instant within each.
      for (let n = 0; n < i % 3; n++) await cite([source.id], at);
    }
    const whole = await search("Беттеу", null, 100);
    expect(whole.sources).toHaveLength(23);
    const paged: FoundSource[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await search("Беттеу", after, 5);
      paged.push(...page.sources);
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(ids(paged)).toEqual(ids(whole.sources));
    expect(new Set(ids(paged)).size).toBe(23);
    expect(paged.map((s) => s.citationCount)).toEqual([...Array(7).fill(2), ...Array(8).fill(1), ...Array(8).fill(0)]);
  });

  it("refuses a query longer than 200 characters at its field, and a page mark it did not give", async () => {
    const parsed = sourceSearchSchema.safeParse({ query: "қ".repeat(201) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["query"] });
    expect(parsed.error?.issues[0].message).toContain("libClaims.source.queryTooLong");
    await expect(search("", "1_2_not-a-source")).rejects.toSatisfy((e) => e instanceof DerekError && e.code === "libClaims.source.pageGone");
  });
});

describe("a new source whose address is on file", () => {
  const URL_KEY = normaliseUrl("https://www.inform.kz/kz/article?id=42");

  it("links the stored source instead of adding a second, and counts the citation", async () => {
    const first = await tag([{ newSource: { url: "https://www.inform.kz/kz/article?id=42&utm_source=fb", title: "Kazinform", kind: "MEDIA_REPORT" }, stance: "SUPPORTS" }]);
    await tag([{ newSource: { url: "http://inform.kz/kz/article/?id=42#comments", title: "Another title", kind: "OTHER" }, stance: "CONTEXT" }]);
    const stored = await db.source.findMany({ where: { urlKey: URL_KEY } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ title: "Kazinform", kind: "MEDIA_REPORT", citationCount: 2 });

    // Removing the link from one claim counts one citation fewer.
    await updateClaim({ actor: editor, input: updateClaimSchema.parse({ claimId: first.id, expectedVersion: 1, category: "DETENTION_COUNT", value: "4000", qualifier: "APPROXIMATELY", sources: [] }) });
    expect((await db.source.findFirstOrThrow({ where: { urlKey: URL_KEY } })).citationCount).toBe(1);
  });

  it("ends with one source when two editors add the same address at once", async () => {
    const spellings = ["https://www.zakon.kz/6405331-novost.html?ysclid=lq2x9a", "http://zakon.kz/6405331-novost.html", "https://ZAKON.kz/6405331-novost.html/"];
    const claims = await Promise.all(spellings.map((url) => tag([{ newSource: { url, kind: "MEDIA_REPORT" }, stance: "SUPPORTS" }])));
    const stored = await db.source.findMany({ where: { urlKey: normaliseUrl(spellings[0]) } });
    expect(stored).toHaveLength(1);
    expect(stored[0].citationCount).toBe(3);
    const links = await db.claimSource.findMany({ where: { claimId: { in: claims.map((c) => c.id) } } });
    expect(links.map((l) => l.sourceId)).toEqual([stored[0].id, stored[0].id, stored[0].id]);
  });

  it("makes the second of two overlapping additions wait for the first and find its source", async () => {
    const url = "https://www.gov.kz/memleket/entities/mvd/press/news/details/777";
    const source = { url, title: null, publisher: null, kind: "OFFICIAL_STATEMENT" as const, archivedUrl: null };
    let firstAdded!: () => void;
    const added = new Promise<void>((resolve) => (firstAdded = resolve));
    // The first holds its transaction open after adding, long enough for the second to look.
    const first = db.$transaction(async (tx) => {
      const made = await findOrCreateSource(tx, { actorId: editor.id, source });
      firstAdded();
      await tx.$queryRaw`SELECT pg_sleep(0.5)::text`;
      return made;
    });
    await added;
    const second = db.$transaction((tx) => findOrCreateSource(tx, { actorId: editor.id, source: { ...source, url: "http://gov.kz/memleket/entities/mvd/press/news/details/777/" } }));
    const [a, b] = await Promise.all([first, second]);
    expect(a.reused).toBe(false);
    expect(b).toEqual({ source: a.source, reused: true });
    expect(await db.source.count({ where: { urlKey: normaliseUrl(url) } })).toBe(1);
  });

  it("refuses one claim listing the same address twice, beside the second", async () => {
    await expect(
      tag([
        { newSource: { url: "https://egov.kz/cms/kk/a", kind: "OTHER" }, stance: "SUPPORTS" },
        { newSource: { url: "https://www.egov.kz/cms/kk/a/", kind: "OTHER" }, stance: "SUPPORTS" },
      ]),
    ).rejects.toSatisfy((e) => e instanceof DerekError && e.code === "libClaims.source.twice" && e.field === "sources.1.newSource.url");
    expect(await db.source.count({ where: { urlKey: "egov.kz/cms/kk/a" } })).toBe(0);
  });
});
