import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import { normaliseUrl } from "./normalise-url";
import type { SourceSearch } from "./source-search-schema";

export const SOURCE_PAGE_SIZE = 20;
/** More words than this add nothing to finding a source and only cost the query a condition each. */
const MAX_WORDS = 8;

export interface FoundSource {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  kind: SourceKind;
  citationCount: number;
}

export interface SourcePage {
  sources: FoundSource[];
  /** Where the next page starts; null on the last. */
  next: string | null;
}

interface Row extends FoundSource {
  lastCitedAt: Date;
}

// A page ends at a (citations, last cited, id) triple; the next starts strictly after it, so
// paging neither repeats nor skips a source while the counts stand still.
const CURSOR = /^(\d{1,10})_(\d{1,15})_([0-9a-f-]{36})$/;

function cursorAfter(row: Row): string {
  return `${row.citationCount}_${row.lastCitedAt.getTime()}_${row.id}`;
}

function readCursor(after: string) {
  const match = CURSOR.exec(after);
  if (!match) throw new DerekError("libClaims.source.pageGone", { field: "after" });
  return { citations: Number(match[1]), lastCitedAt: new Date(Number(match[2])), id: match[3] };
}

/** Every word in the address, title or publisher; or the address itself, pasted under another spelling. */
function matching(words: string[], query: string): Prisma.Sql {
  const found = words.map((word) => {
    const pattern = `%${escapeLike(word)}%`;
    return Prisma.sql`(url ILIKE ${pattern} OR title ILIKE ${pattern} OR publisher ILIKE ${pattern})`;
  });
  const key = normaliseUrl(query);
  const allWords = Prisma.join(found, " AND ");
  return key ? Prisma.sql`((${allWords}) OR "urlKey" = ${key})` : allWords;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Sources already on file, for the picker in the claim form, most cited first (fact-checkers cite
 * the same official sources again and again), then most recently cited. Every word typed must
 * appear in the address, title or publisher (case-insensitive, Kazakh letters included: ILIKE
 * under the database's UTF-8 ctype, served by trigram indexes); an address pasted whole also finds
 * its source under another spelling (normalise-url.ts).
 */
export async function searchSources(options: { actor: Actor; search: SourceSearch; take?: number }): Promise<SourcePage> {
  authorize(options.actor, "article.read");
  const take = options.take ?? SOURCE_PAGE_SIZE;
  const query = options.search.query.trim();
  const after = options.search.after ? readCursor(options.search.after) : null;
  const pageStart = after
    ? Prisma.sql`WHERE ("citationCount", "lastCitedAt", id) < (${after.citations}::int, ${after.lastCitedAt}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;
  const order = Prisma.sql`ORDER BY "citationCount" DESC, "lastCitedAt" DESC, id DESC LIMIT ${take + 1}`;
  const columns = Prisma.sql`id, url, title, publisher, kind::text AS kind, "citationCount", "lastCitedAt"`;
  if (!query) return pageOf(await db.$queryRaw<Row[]>`SELECT ${columns} FROM "Source" ${pageStart} ${order}`, take);
  const words = query.split(/\s+/).slice(0, MAX_WORDS);
  return pageOf(
    await db.$transaction(async (tx) => {
      // The planner prices ILIKE as cheap as "=" and, for a common word or a reused plan, reads
      // every source rather than the trigram indexes; on Kazakh text ILIKE folds every letter and
      // is far dearer. At 100,000 sources: a word in 20,000 of them 1.3 s read whole, 0.25 s
      // through the indexes; a rare one 1.3 s against 0.06 s. A word under three letters has no
      // trigram to look up: the longer words find the candidates, and with none the planner chooses.
      if (words.some((word) => word.length >= 3)) await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      // The matches first, then their order: walking the order's index and testing each source
      // reads them all when the words are rare.
      return tx.$queryRaw<Row[]>`
        WITH matches AS MATERIALIZED (SELECT ${columns} FROM "Source" WHERE ${matching(words, query)})
        SELECT * FROM matches ${pageStart} ${order}`;
    }),
    take,
  );
}

function pageOf(rows: Row[], take: number): SourcePage {
  const page = rows.slice(0, take);
  return {
    sources: page.map(({ lastCitedAt: _, ...source }) => source),
    next: rows.length > take ? cursorAfter(page[page.length - 1]) : null,
  };
}
