import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { getPool } from "@/lib/db/pool";
import { CopyBinaryReader } from "@/lib/export/copy-binary";
import { CopyOut } from "@/lib/export/copy-out";
import { LineWriteBack } from "@/lib/export/export-lines";
import type { ExportContext, ExportFormat } from "@/lib/export/export-format";
import { ledgerFilterToParams, type LedgerFilter } from "@/lib/ledger/ledger-filter";
import {
  claimHeadsSql,
  claimRowsSql,
  commentLinesSql,
  linksSql,
  reviewLinesSql,
  articleLineStatesSql,
  storedArticleLinesCopySql,
  storedJsonlLinesCopySql,
  type ArticleLineState,
  type ClaimChildLinesRow,
  type ClaimHeadRow,
  type ClaimLinksRow,
  type ClaimRow,
  type StoredClaimLines,
} from "./claim-lines-sql";
import { ARTICLES_PER_GROUP, CLAIMS_PER_BATCH, jsonlClaimsCopySql, staleArticlesSql } from "./jsonl-file-sql";
import { loadRecordLines, writeClaimsInOneCopy, type RenderedArticle, type RenderedClaim } from "./jsonl-one-copy";
import {
  FORMAT_VERSION,
  HEADER_TYPE,
  type BackupHeader,
  type GroupRecord,
  type SourceRecord,
  type UserRecord,
} from "./backup-records";
import { line, Written } from "./jsonl-written";
import {
  claimsWhere,
  cursorBatches,
  exclusionRecord,
  exclusionsQuery,
  loadArticles,
  loadGroups,
  loadSources,
  UNUSED_QUERIES,
  type ExclusionRow,
  type Scope,
} from "./jsonl-records";

/**
 * Claims fetched per round trip: their stored lines come in one COPY, the stale ones are rendered
 * by PostgreSQL in three statements. What a fetch holds (about 3 MB of lines) bounds the memory.
 */
const CLAIM_FETCH = 2_000;
/**
 * Articles loaded per query, the file's groups of articles. An article travels with every earlier
 * revision of its body, so this is what bounds the writer's memory for long, often-edited articles.
 */
const ARTICLE_BATCH = ARTICLES_PER_GROUP;
/**
 * Stale articles an export renders before it sends the file in one COPY (held until the COPY
 * reaches them), and the most text they may take (code units); an export that finds more, the
 * first after a restore, is written a fetch at a time, which writes them back.
 */
const STALE_ARTICLES_RENDERED = 5_000;
const STALE_ARTICLE_BYTES = 32 * 1024 * 1024;
/** Rows per fetch for the smaller records (ids of unused articles, sources, groups, exclusion pairs). */
const ROW_BATCH = 500;

/**
 * JSON Lines: one record per line, every record before its first use, a header first and a
 * trailer with the counts last; lib/backup/restore-backup.ts restores it. The format is described
 * in docs/EXPORT-FORMATS.md.
 *
 * As a ledger export it holds the ledger's claims for the filter (never deleted ones) and what
 * they name. A full backup is the same format written by `backupFormat` below.
 */
export const jsonlFormat: ExportFormat = {
  id: "jsonl",
  label: "JSON Lines",
  contentType: "application/x-ndjson; charset=utf-8",
  extension: "jsonl",
  write: (context) => writeJsonl(context, "ledger"),
  writesWithoutCount: true,
};

/**
 * A full backup: every stored claim, the deleted ones too (with their deletedAt, links, reviews,
 * comments and pairs), and every article, source and group whether a claim uses it or not. Not
 * one of the ledger's formats (the ledger holds no deleted claims and everyone may export from it):
 * lib/backup/run-backup.ts writes it, for admins. The context's filter is not read.
 */
export const backupFormat: ExportFormat = {
  ...jsonlFormat,
  label: "JSON Lines (full backup)",
  write: (context) => writeJsonl(context, "everything"),
};

/** Which claims a file holds: the ledger's for the context's filter, or every one stored. */


/**
 * The file: the claims' and articles' lines are stored (migrations 20261208100000_claim_jsonl_lines,
 * 20261208110000_article_jsonl_lines) and sent as the bytes PostgreSQL holds, in one COPY
 * (lib/backup/jsonl-one-copy.ts) or, past its limits, a fetch at a time; stale lines are rendered
 * in the export's snapshot and written back on the primary over the generation read. The header,
 * what no claim uses (for a backup), the pairs and the trailer are written here.
 */
async function* writeJsonl(context: ExportContext, scope: Scope): AsyncGenerator<Uint8Array> {
  const { client } = context;
  const filter: LedgerFilter = scope === "everything" ? {} : context.filter;
  // The transaction's start: the moment of the snapshot every row below is read from.
  const { rows } = await client.query<{ now: Date }>("SELECT now() AS now");
  const header: BackupHeader = {
    type: HEADER_TYPE,
    version: FORMAT_VERSION,
    exportedAt: rows[0].now.toISOString(),
    filter: ledgerFilterToParams(filter),
    complete: scope === "everything",
  };
  const written = new Written();
  written.push(line(header));

  const writePool = context.linesWriteBack === undefined ? getPool() : context.linesWriteBack;
  const referenced = new Referenced(client, written, articleLinesWriteBack(writePool));
  const writeBack = jsonlLinesWriteBack(writePool);
  yield* writeClaims(context, claimsWhere(scope, filter), written, referenced, writeBack);

  if (scope === "everything") {
    // The same snapshot, so "used by no claim" is exactly "not written yet".
    for (const query of UNUSED_QUERIES) {
      for await (const batch of cursorBatches<{ id: string }>(client, query.cursor, query, ROW_BATCH)) {
        yield* referenced.write({ [query.kind]: batch.map((row) => row.id) });
      }
    }
  }

  // A pair is written once both of its claims are, which is only certain after the last claim.
  for await (const pairs of cursorBatches<ExclusionRow>(client, "derek_jsonl_exclusions", exclusionsQuery(scope, filter), ROW_BATCH)) {
    yield* referenced.write({ users: pairs.map((p) => p.createdById) });
    for (const pair of pairs) written.record("exclusion", exclusionRecord(pair));
    yield* written.take();
  }

  written.push(line(written.trailer()));
  yield* written.rest();
  // The next export finds these lines stored; waiting keeps the primary's work inside the export
  // that caused it (they were written while the file streamed, so this is mostly done).
  await writeBack.settled();
  await referenced.settled();
}

/**
 * The file's claims and what they name: in one COPY unless past its limits, then a fetch at a time.
 * What the COPY needs before its first row (every record its claims may name, the stale articles'
 * lines) is read first, on the export's connection; with a second connection in its snapshot
 * (`context.beside`), the COPY is sent first and that is read there while PostgreSQL sorts the
 * claims. Past the limits then (the first export after a restore), the COPY already sent is read
 * and dropped.
 */
async function* writeClaims(
  context: ExportContext,
  where: Prisma.Sql,
  written: Written,
  referenced: Referenced,
  writeBack: LineWriteBack<RenderedLines>,
): AsyncGenerator<Uint8Array> {
  const { client, beside } = context;
  const limit = context.staleLinesRendered ?? STALE_ARTICLES_RENDERED;
  const prepare = async (reader: pg.ClientBase) => {
    const records = await loadRecordLines(reader);
    const staleArticles = records && (await renderStaleArticles(reader, where, referenced, limit));
    return records && staleArticles ? { records, staleArticles } : null;
  };
  let copy = beside ? new CopyOut(client, jsonlClaimsCopySql(client, where)) : null;
  try {
    const prepared = await (beside ? beside(prepare) : prepare(client));
    if (prepared) {
      const sent = copy ?? new CopyOut(client, jsonlClaimsCopySql(client, where));
      copy = null;
      yield* writeClaimsInOneCopy(context, sent, prepared, written, writeBack);
      return;
    }
  } finally {
    await copy?.close();
  }
  yield* writeClaimsByFetches(context, where, written, referenced, writeBack);
}

/**
 * The claims a fetch at a time, each batch after the records it names that are not written yet:
 * for exports past the one COPY's limits (more stale articles than it renders up front, as after a
 * restore, or more sources or groups than it loads). It renders every stale line and writes it
 * back, so the next export is sent in one COPY.
 */
async function* writeClaimsByFetches(
  context: ExportContext,
  where: Prisma.Sql,
  written: Written,
  referenced: Referenced,
  writeBack: LineWriteBack<RenderedLines>,
): AsyncGenerator<Uint8Array> {
  const { client } = context;
  for await (const rows of cursorBatches<ClaimRow>(client, "derek_jsonl_claims", claimRowsSql(where), CLAIM_FETCH)) {
    const fetched = await linesOf(client, rows, writeBack);
    await referenced.prefetch(fetched);
    for (let i = 0; i < fetched.length; i += CLAIMS_PER_BATCH) {
      const claims = fetched.slice(i, i + CLAIMS_PER_BATCH);
      yield* referenced.write({
        articles: claims.map((c) => c.articleId),
        sources: claims.flatMap((c) => c.sources),
        groups: claims.flatMap((c) => c.groups),
        users: claims.flatMap((c) => c.users),
      });
      for (const claim of claims) {
        written.pushBytes(claim.lines);
        written.counted("claim", 1);
        written.counted("review", claim.reviews);
        written.counted("comment", claim.comments);
        context.onClaim();
      }
      yield* written.take();
    }
  }
}

/**
 * The stale lines of the articles the file's claims name, rendered (and queued to be written back)
 * before the COPY, which cannot ask for anything while it streams: a claim's stale lines it renders
 * itself. Null when there are more than `limit` such articles or they take more than
 * STALE_ARTICLE_BYTES (then the file is written a fetch at a time, see writeClaimsByFetches).
 */
async function renderStaleArticles(client: pg.ClientBase, where: Prisma.Sql, referenced: Referenced, limit: number): Promise<Map<string, RenderedArticleLines> | null> {
  const query = staleArticlesSql(where, limit + 1);
  const { rows: stale } = await client.query<{ id: string; generation: string | null }>(query.text, query.values);
  if (stale.length > limit) return null;
  const articles = new Map<string, RenderedArticleLines>();
  let bytes = 0;
  for (let from = 0; from < stale.length; from += ARTICLE_BATCH) {
    for (const lines of await referenced.renderArticleLines(stale.slice(from, from + ARTICLE_BATCH), client)) {
      articles.set(lines.id, lines);
      bytes += lines.text.length;
    }
    if (bytes > STALE_ARTICLE_BYTES) return null;
  }
  return articles;
}

/** A claim's lines, whole, and the ids they name. */
interface ClaimLines {
  articleId: string;
  lines: Buffer;
  reviews: number;
  comments: number;
  sources: string[];
  groups: string[];
  users: string[];
}

/** A claim's lines as rendered, to be stored: the text and what the stored row says of it. */
type RenderedLines = RenderedClaim;

function jsonlLinesWriteBack(pool: pg.Pool | null): LineWriteBack<RenderedLines> {
  return new LineWriteBack<RenderedLines>(pool, (lines) => ({
    text: `UPDATE "ClaimJsonlLine" l SET "text" = v.text, "sourceIds" = v."sourceIds", "userIds" = v."userIds", "reviews" = v.reviews, "comments" = v.comments
             FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])
                  AS v(id, generation, text, "sourceIds", "userIds", reviews, comments)
            WHERE l."claimId" = v.id AND l."generation" = v.generation`,
    values: [
      lines.map((l) => l.id),
      lines.map((l) => l.generation),
      lines.map((l) => l.text),
      lines.map((l) => l.sourceIds),
      lines.map((l) => l.userIds),
      lines.map((l) => l.reviews),
      lines.map((l) => l.comments),
    ],
  }));
}

/** An article's lines as rendered, to be stored. */
interface RenderedArticleLines extends RenderedArticle {
  /** null: the article has no stored row, so nothing is written back. */
  generation: string | null;
}

function articleLinesWriteBack(pool: pg.Pool | null): LineWriteBack<RenderedArticleLines> {
  return new LineWriteBack<RenderedArticleLines>(pool, (lines) => ({
    text: `UPDATE "ArticleJsonlLine" l SET "text" = v.text, "revisions" = v.revisions, "userIds" = v."userIds"
             FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::int[], $5::text[]) AS v(id, generation, text, revisions, "userIds")
            WHERE l."articleId" = v.id AND l."generation" = v.generation`,
    values: [lines.map((l) => l.id), lines.map((l) => l.generation), lines.map((l) => l.text), lines.map((l) => l.revisions), lines.map((l) => l.userIds)],
  }));
}

/**
 * A fetch of claims with their lines: the stored ones in one COPY, read as bytes; the stale ones
 * rendered (and queued to be written back).
 */
async function linesOf(client: pg.PoolClient, rows: ClaimRow[], writeBack: LineWriteBack<RenderedLines>): Promise<ClaimLines[]> {
  const stored = await storedLinesOf(client, rows.map((row) => row.id));
  const staleIds = rows.filter((_, i) => stored[i].text === null).map((row) => row.id);
  const rendered = new Map<string, Omit<RenderedLines, "generation">>();
  if (staleIds.length > 0) {
    const { rows: heads } = await client.query<ClaimHeadRow>(claimHeadsSql(Prisma.sql`c.id IN (SELECT unnest(${staleIds}::uuid[]))`));
    for (const lines of await renderLines(client, heads)) rendered.set(lines.id, lines);
    // A claim without a stored row (none is: its insert gives it one) is rendered every time.
    await writeBack.add(rows.flatMap((row, i) => {
      const lines = rendered.get(row.id);
      const generation = stored[i].generation;
      return lines && generation ? [{ ...lines, generation }] : [];
    }));
  }
  return rows.map((row, i) => {
    const lines = stored[i].text === null ? rendered.get(row.id) : undefined;
    if (stored[i].text === null && !lines) throw new Error(`Claim ${row.id} was not rendered`);
    const state = lines ?? stored[i];
    const users = [row.authorId];
    if (row.assigneeId) users.push(row.assigneeId);
    if (state.userIds) users.push(...state.userIds.split(","));
    return {
      articleId: row.articleId,
      lines: lines ? Buffer.from(lines.text) : stored[i].text!,
      reviews: state.reviews,
      comments: state.comments,
      sources: state.sourceIds ? state.sourceIds.split(",") : [],
      groups: row.groupId ? [row.groupId] : [],
      users,
    };
  });
}

/** The stored lines of `ids`, in that order; their text as bytes (never decoded into a string). */
async function storedLinesOf(client: pg.PoolClient, ids: string[]): Promise<StoredClaimLines[]> {
  const lines: StoredClaimLines[] = [];
  const reader = new CopyBinaryReader(6);
  const text = (bytes: Buffer, starts: Int32Array, ends: Int32Array, i: number) => (starts[i] === -1 ? null : bytes.toString("utf8", starts[i], ends[i]));
  const onRow = (bytes: Buffer, starts: Int32Array, ends: Int32Array) =>
    void lines.push({
      // Copied out of the stream's chunk, which is not kept.
      text: starts[0] === -1 ? null : Buffer.from(bytes.subarray(starts[0], ends[0])),
      generation: starts[1] === -1 ? null : bytes.readBigInt64BE(starts[1]).toString(),
      sourceIds: text(bytes, starts, ends, 2),
      userIds: text(bytes, starts, ends, 3),
      reviews: starts[4] === -1 ? 0 : bytes.readInt32BE(starts[4]),
      comments: starts[5] === -1 ? 0 : bytes.readInt32BE(starts[5]),
    });
  const copy = new CopyOut(client, storedJsonlLinesCopySql(client, ids));
  try {
    for await (const chunk of copy.chunks()) reader.push(chunk, onRow);
    reader.end();
  } finally {
    await copy.close();
  }
  if (lines.length !== ids.length) throw new Error(`${ids.length - lines.length} claims' JSON Lines rows are missing`);
  return lines;
}

/**
 * Claims rendered by PostgreSQL from their heads, links, reviews and comments: three statements
 * for the whole fetch.
 */
async function renderLines(client: pg.PoolClient, heads: ClaimHeadRow[]): Promise<Omit<RenderedLines, "generation">[]> {
  const ids = heads.map((h) => h.id);
  const links = await client.query<ClaimLinksRow>(linksSql(ids));
  const reviews = await client.query<ClaimChildLinesRow>(reviewLinesSql(ids));
  const comments = await client.query<ClaimChildLinesRow>(commentLinesSql(ids));
  const byClaim = <R extends { claimId: string }>(rows: R[]) => new Map(rows.map((row) => [row.claimId, row]));
  const linksOf = byClaim(links.rows);
  const reviewsOf = byClaim(reviews.rows);
  const commentsOf = byClaim(comments.rows);
  return heads.map((head) => {
    const link = linksOf.get(head.id);
    const review = reviewsOf.get(head.id);
    const comment = commentsOf.get(head.id);
    const userIds = [review?.userIds, comment?.userIds].filter(Boolean).join(",");
    return {
      id: head.id,
      text: `${head.head}${link ? link.links : ""}]}\n${review ? review.lines : ""}${comment ? comment.lines : ""}`,
      sourceIds: link ? link.sourceIds : null,
      userIds: userIds || null,
      reviews: review ? review.n : 0,
      comments: comment ? comment.n : 0,
    };
  });
}

interface Wanted {
  articles?: string[];
  sources?: string[];
  groups?: string[];
  users?: (string | null)[];
}

/**
 * Writes the records the next lines refer to that are not written yet, each after the users it
 * names: users, then articles with their revisions, then sources and groups. The sources, groups
 * and users a fetch of claims names are loaded once for the whole fetch (prefetch), not once per
 * batch of claims; what is taken from those caches is written in the same order as when each
 * batch asked the database (by id), so the file does not change.
 */
class Referenced {
  private readonly sources = new Map<string, SourceRecord>();
  private readonly groups = new Map<string, GroupRecord>();
  private readonly users = new Map<string, UserRecord>();
  /** The stored lines' state of the articles a fetch names and that are not written yet. */
  private readonly articleStates = new Map<string, ArticleLineState>();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly written: Written,
    private readonly articleWriteBack: LineWriteBack<RenderedArticleLines>,
  ) {}

  /** Settles when the articles' rendered lines have been written back. */
  settled(): Promise<void> {
    return this.articleWriteBack.settled();
  }

  /** Loads what a fetch of claims names and is not written yet: three queries for up to CLAIM_FETCH claims. */
  async prefetch(named: ClaimLines[]): Promise<void> {
    await this.loadArticleStates(missing(named.map((n) => n.articleId), this.written.articles));
    const sourceIds = missing(named.flatMap((n) => n.sources), this.written.sources).filter((id) => !this.sources.has(id));
    if (sourceIds.length > 0) for (const source of await loadSources(this.client, sourceIds)) this.sources.set(source.id, source);
    const groupIds = missing(named.flatMap((n) => n.groups), this.written.groups).filter((id) => !this.groups.has(id));
    if (groupIds.length > 0) for (const group of await loadGroups(this.client, groupIds)) this.groups.set(group.id, group);
    const users = [...named.flatMap((n) => n.users), ...[...this.sources.values(), ...this.groups.values()].map((r) => r.createdById)];
    await this.loadUsers(missing(users, this.written.users).filter((id) => !this.users.has(id)));
  }

  async *write(wanted: Wanted): AsyncGenerator<Uint8Array> {
    const { client, written } = this;
    const articleIds = missing(wanted.articles, written.articles);
    if (articleIds.length > 0) yield* this.writeArticles(articleIds);

    const sources = await this.take(missing(wanted.sources, written.sources), this.sources, (ids) => loadSources(client, ids));
    await this.writeUsers(sources.map((s) => s.createdById));
    for (const source of sources) {
      written.sources.add(source.id);
      written.record("source", source);
    }

    const groups = await this.take(missing(wanted.groups, written.groups), this.groups, (ids) => loadGroups(client, ids));
    await this.writeUsers(groups.map((g) => g.createdById));
    for (const group of groups) {
      written.groups.add(group.id);
      written.record("group", group);
    }

    await this.writeUsers(wanted.users ?? []);
    yield* written.take();
  }

  /**
   * Articles in groups of ARTICLE_BATCH in the order asked, by id within a group, each group after
   * the users it names: the order the file has always had. Runs of groups whose lines are all
   * stored are sent by one COPY, as bytes; a group with a stale line is rendered from its rows
   * (ARTICLE_BATCH articles with their revisions at a time, which bounds the memory) and its stale
   * lines are written back.
   */
  private async *writeArticles(ids: string[]): AsyncGenerator<Uint8Array> {
    await this.loadArticleStates(ids);
    const states = new Map(ids.map((id) => [id, this.articleStates.get(id)!]));
    for (const id of ids) this.articleStates.delete(id);
    let run: string[][] = [];
    for (let i = 0; i < ids.length; i += ARTICLE_BATCH) {
      const group = ids.slice(i, i + ARTICLE_BATCH).sort();
      if (group.every((id) => states.get(id)?.stale === false)) {
        run.push(group);
        continue;
      }
      if (run.length > 0) yield* this.sendStoredArticles(run, states);
      run = [];
      yield* this.renderArticles(group, states);
    }
    if (run.length > 0) yield* this.sendStoredArticles(run, states);
  }

  /** One statement for the articles of `ids` whose state is not known yet. */
  private async loadArticleStates(ids: string[]): Promise<void> {
    const unknown = ids.filter((id) => !this.articleStates.has(id));
    if (unknown.length === 0) return;
    const { rows } = await this.client.query<ArticleLineState>(articleLineStatesSql(unknown));
    for (const row of rows) this.articleStates.set(row.id, row);
  }

  private async *sendStoredArticles(groups: string[][], states: Map<string, ArticleLineState>): AsyncGenerator<Uint8Array> {
    const { written } = this;
    const order = groups.flat();
    const usersOf = (group: string[]) => group.flatMap((id) => states.get(id)!.userIds?.split(",") ?? []);
    // Every user the run names is loaded before the COPY: nothing else can be asked while it streams.
    await this.loadUsers(missing(groups.flatMap(usersOf), written.users).filter((id) => !this.users.has(id)));
    const groupAt = new Map(groups.map((group) => [group[0], group]));
    let at = 0;
    const onRow = (bytes: Buffer, starts: Int32Array, ends: Int32Array) => {
      const id = order[at++];
      const group = groupAt.get(id);
      if (group) this.writeLoadedUsers(usersOf(group));
      written.articles.add(id);
      written.counted("article", 1);
      written.counted("revision", states.get(id)!.revisions);
      written.pushBytes(bytes.subarray(starts[0], ends[0]));
    };
    const reader = new CopyBinaryReader(1);
    const copy = new CopyOut(this.client, storedArticleLinesCopySql(this.client, order));
    try {
      for await (const chunk of copy.chunks()) {
        reader.push(chunk, onRow);
        yield* written.take();
      }
      reader.end();
    } finally {
      await copy.close();
    }
    // The same snapshot found them stored a moment ago.
    if (at !== order.length) throw new Error(`${order.length - at} stored JSON Lines article lines are missing`);
  }

  private async *renderArticles(ids: string[], states: Map<string, ArticleLineState>): AsyncGenerator<Uint8Array> {
    const { written } = this;
    const lines = await this.renderArticleLines(ids.map((id) => ({ id, generation: states.get(id)?.generation ?? null })));
    await this.writeUsers(lines.flatMap((l) => l.userIds?.split(",") ?? []));
    for (const l of lines) {
      written.articles.add(l.id);
      written.counted("article", 1);
      written.counted("revision", l.revisions);
      written.push(l.text);
    }
    yield* written.take();
  }

  /**
   * The lines of `articles` (ARTICLE_BATCH at most), by id, rendered from their rows; those with a
   * stored row are queued to be written back over the generation given.
   */
  async renderArticleLines(articles: { id: string; generation: string | null }[], reader: pg.ClientBase = this.client): Promise<RenderedArticleLines[]> {
    const generations = new Map(articles.map((a) => [a.id, a.generation]));
    const { articles: records, revisions } = await loadArticles(reader, [...generations.keys()]);
    const lines = records.map((article) => {
      const own = revisions.filter((revision) => revision.articleId === article.id);
      const userIds = [article.createdById, ...article.dismissedSuggestions.map((d) => d.dismissedById), ...own.map((r) => r.createdById)].filter(
        (id): id is string => id !== null,
      );
      return {
        id: article.id,
        generation: generations.get(article.id) ?? null,
        text: line(article) + own.map(line).join(""),
        revisions: own.length,
        userIds: userIds.length > 0 ? userIds.join(",") : null,
      };
    });
    await this.articleWriteBack.add(lines.filter((l) => l.generation !== null));
    return lines;
  }

  /** The records of `ids` by id, from the cache or else the database, each taken out of the cache. */
  private async take<R extends { id: string }>(ids: string[], cache: Map<string, R>, load: (ids: string[]) => Promise<R[]>): Promise<R[]> {
    if (ids.length === 0) return [];
    const absent = ids.filter((id) => !cache.has(id));
    for (const record of absent.length > 0 ? await load(absent) : []) cache.set(record.id, record);
    const records: R[] = [];
    for (const id of ids.sort()) {
      const record = cache.get(id);
      if (record) records.push(record);
      cache.delete(id);
    }
    return records;
  }

  private async writeUsers(ids: readonly (string | null)[]): Promise<void> {
    const wanted = missing(ids, this.written.users);
    if (wanted.length === 0) return;
    await this.loadUsers(wanted.filter((id) => !this.users.has(id)));
    this.writeLoadedUsers(wanted);
  }

  /** Writes the users of `ids` not written yet, all of them already loaded. */
  private writeLoadedUsers(ids: readonly (string | null)[]): void {
    const wanted = missing(ids, this.written.users);
    // By id, as PostgreSQL orders uuids (byte order, which is the order of their lower-case text).
    for (const id of wanted.sort()) {
      const user = this.users.get(id);
      if (!user) continue;
      this.users.delete(id);
      this.written.users.add(id);
      this.written.record("user", user);
    }
  }

  private async loadUsers(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // Never the password hash, nor whether the account is active: a restore creates missing
    // accounts deactivated whatever they were here.
    const { rows } = await this.client.query<Omit<UserRecord, "type">>(`SELECT id, email, name, role FROM "User" WHERE id IN (SELECT unnest($1::uuid[]))`, [ids]);
    for (const user of rows) this.users.set(user.id, { type: "user", id: user.id, email: user.email, name: user.name, role: user.role });
  }
}

function missing(ids: readonly (string | null)[] | undefined, written: Set<string>): string[] {
  const result = new Set<string>();
  for (const id of ids ?? []) if (id !== null && !written.has(id)) result.add(id);
  return [...result];
}

