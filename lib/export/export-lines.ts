import type pg from "pg";
import { getPool, getReadPool } from "@/lib/db/pool";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { ledgerOrderOf, ledgerOrderSql } from "@/lib/ledger/ledger-sql";
import { ByteChunks } from "./byte-chunks";
import { CopyBinaryReader } from "./copy-binary";
import { CopyOut } from "./copy-out";
import type { ExportContext, ExportCount, Publisher, StaleLine } from "./export-format";
import { EXPORT_BATCH_SIZE, exportRowsOf, exportWhereSql, sentenceWindows, type ExportRow, type ExportRowOptions } from "./export-rows";
import { hasPlaceholder, PLACEHOLDERS, type LinkValues } from "./line-placeholders";

/**
 * One format's stored lines: each claim's text as the format's own writer renders it, kept in a
 * table of its own (migration 20261206300000_claim_export_lines) and marked stale by triggers on
 * everything it shows. What differs per request (the links' origin, the publisher) is stored as
 * placeholders and put in by the statement that reads the lines.
 */
export interface StoredLines {
  table: "ClaimExportCsvLine" | "ClaimExportClaimReviewLine" | "ClaimExportAnnotationLine";
  /** The placeholders its lines hold. */
  uses: readonly (keyof LinkValues)[];
  /** What the writer needs of a claim besides its row. */
  rowOptions: ExportRowOptions;
  /** The claim's text, exactly as the format's file holds it, with links made from `links`. */
  render(row: ExportRow, links: LinkValues): string;
  /** A value as the format writes it inside a field (JSON escapes it; CSV fields here hold it as it is). */
  escape(value: string): string;
  /**
   * Whether the file written with `value` put in for a placeholder is byte for byte the file the
   * writer would write with it: false when the writer would quote, escape or guard it differently
   * in place, and then the export is written from its rows instead.
   */
  accepts(value: string): boolean;
}

/**
 * Stale lines an export renders itself before it streams the rest (their text is held until the
 * stream reaches them: about 1.2 KB each, so 12 MB at most). An export that finds more (the first
 * after the upgrade or a restore) is written from its rows, as before there were stored lines,
 * and its lines are filled in the background afterwards (refillStoredLines).
 */
export const STALE_LINES_RENDERED = 10_000;

/** Stale lines rendered per statement for their rows. */
const STALE_ROWS_PER_STATEMENT = 1_000;

/** Lines a background refill renders per transaction (what the row-by-row writers hold at once). */
const REFILL_BATCH = EXPORT_BATCH_SIZE;

/** Write-back statements queued before the export waits for the primary: bounds the rendered text held. */
const WRITE_BACKS_QUEUED = 4;

/** Bytes of the file handed on at once. */
const CHUNK_BYTES = 64 * 1024;

/** The request's values for the placeholders: the origin, and the publisher a ClaimReview names. */
export function linkValues(context: Pick<ExportContext, "baseUrl" | "publisher">): LinkValues {
  const publisher: Publisher = context.publisher ?? { name: "Derek", url: context.baseUrl };
  return { origin: context.baseUrl, publisherName: publisher.name, publisherUrl: publisher.url };
}

/** Whether this request's links can be put into stored lines of `lines` (else: write from rows). */
export function storedLinesFit(lines: StoredLines, context: Pick<ExportContext, "baseUrl" | "publisher">): boolean {
  const values = linkValues(context);
  return lines.uses.every((key) => !hasPlaceholder(values[key]) && lines.accepts(values[key]));
}

const PLACEHOLDER_LINKS: LinkValues = { origin: PLACEHOLDERS.origin, publisherName: PLACEHOLDERS.publisherName, publisherUrl: PLACEHOLDERS.publisherUrl };

/**
 * A claim holding a placeholder character in anything it shows cannot be stored (its own
 * character would be replaced too): it is rendered for every export instead. Derek never writes
 * these noncharacters, and pasted text almost never holds one.
 */
function showsPlaceholder(row: ExportRow): boolean {
  for (const value of Object.values(row)) if (typeof value === "string" && hasPlaceholder(value)) return true;
  for (const source of row.sources) for (const value of Object.values(source)) if (typeof value === "string" && hasPlaceholder(value)) return true;
  return false;
}

function replaceAll(text: string, values: LinkValues, lines: StoredLines): string {
  let result = text;
  for (const key of lines.uses) result = result.replaceAll(PLACEHOLDERS[key], lines.escape(values[key]));
  return result;
}

/**
 * The statement reading the export's lines in the ledger's order, with the claim's id beside a
 * stale line (its text NULL), written out with its parameters as literals: COPY takes none. The
 * placeholders are replaced as the bytes arrive (LinkBytes), not here: PostgreSQL's replace() ran
 * at about 0.5 s per placeholder for ClaimReview's 100,000 lines, on the core that sends them.
 */
function storedLinesCopySql(client: pg.ClientBase, lines: StoredLines, filter: LedgerFilter): string {
  const order = ledgerOrderSql(ledgerOrderOf(filter));
  // The claims are sorted narrow (ids and the sort's columns), then their lines fetched by key in
  // that order: sorting the joined lines (megabytes of text) spilled to disk and took about a
  // second more for 100,000 claims. OFFSET 0 keeps the lookup a per-claim index scan, which keeps
  // the sorted order, so the outer ORDER BY costs no second sort.
  const query = Prisma.sql`
    SELECT l.text, CASE WHEN l.text IS NULL THEN c.id::text END AS id
      FROM (SELECT c.id, c."createdAt", c."updatedAt", c."eventDate", c."min", c."value", c."max", c."claimant",
                   c."category", c."status", c."rating"
              FROM "Claim" c
             WHERE ${exportWhereSql(filter)}
             ORDER BY ${order}) c
      LEFT JOIN LATERAL (SELECT l."text" FROM ${Prisma.raw(`"${lines.table}"`)} l WHERE l."claimId" = c.id OFFSET 0) l ON TRUE
     ORDER BY ${order}`;
  return `COPY (${withLiterals(client, query)}) TO STDOUT (FORMAT binary)`;
}

/** Every placeholder starts with these two bytes in UTF-8 (U+FDC0…U+FDFF: EF B7 80…BF). */
const PLACEHOLDER_LEAD = Buffer.from(PLACEHOLDERS.origin).subarray(0, 2);

/**
 * Stored lines' bytes with the request's values put in for their placeholders, written to `out`.
 * The next placeholder is searched for once per stretch of a chunk, not once per line, so a line
 * without one does not cost a scan of the rest of the chunk.
 */
class LinkBytes {
  /** The value for each placeholder, by its third byte less 0x90 (FDD0, FDD1, FDD2). */
  private readonly values: (Buffer | null)[] = [null, null, null];
  private searched: Buffer | null = null;
  private found = 0;

  constructor(lines: StoredLines, values: LinkValues) {
    for (const key of lines.uses) this.values[Buffer.from(PLACEHOLDERS[key])[2] - 0x90] = Buffer.from(lines.escape(values[key]));
  }

  write(out: ByteChunks, bytes: Buffer, start: number, end: number): void {
    let at = start;
    for (;;) {
      const lead = this.leadFrom(bytes, at);
      if (lead + 3 > end) break;
      const value = this.values[bytes[lead + 2] - 0x90];
      if (value) {
        out.write(bytes, at, lead);
        out.write(value, 0, value.length);
        at = lead + 3;
      } else {
        // Another character of the block (text may hold one): kept, and searched past.
        out.write(bytes, at, lead + 1);
        at = lead + 1;
      }
    }
    out.write(bytes, at, end);
  }

  /** Where the next placeholder lead is in `bytes` at or after `from` (bytes.length if none). */
  private leadFrom(bytes: Buffer, from: number): number {
    if (this.searched !== bytes || this.found < from) {
      const found = bytes.indexOf(PLACEHOLDER_LEAD, from);
      this.searched = bytes;
      this.found = found === -1 ? bytes.length : found;
    }
    return this.found;
  }
}

/** A statement with its $n parameters written in as quoted literals (typed by their context, as parameters are). */
export function withLiterals(client: Pick<pg.ClientBase, "escapeLiteral">, query: { text: string; values: unknown[] }): string {
  return query.text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = query.values[Number(n) - 1];
    if (value === null || value === undefined) return "NULL";
    if (typeof value === "string") return client.escapeLiteral(value);
    if (typeof value === "number" && Number.isFinite(value)) return client.escapeLiteral(String(value));
    if (typeof value === "boolean") return value ? "true" : "false";
    if (value instanceof Date) return client.escapeLiteral(value.toISOString());
    throw new Error(`A ${typeof value} cannot be written into the export's statement`);
  });
}

/** The export's claims whose line is stale, in its snapshot (a partial index holds exactly these). */
async function staleLinesOf(
  client: pg.ClientBase,
  lines: StoredLines,
  filter: LedgerFilter,
  page?: { after: string | null; limit: number },
): Promise<StaleLine[]> {
  const after = page?.after ? Prisma.sql`AND c.id > ${page.after}::uuid` : Prisma.empty;
  const paging = page ? Prisma.sql`ORDER BY c.id LIMIT ${page.limit}` : Prisma.empty;
  const query = Prisma.sql`
    SELECT c.id, l."generation"::text AS generation
      FROM ${Prisma.raw(`"${lines.table}"`)} l JOIN "Claim" c ON c.id = l."claimId"
     WHERE l."text" IS NULL AND ${exportWhereSql(filter)} ${after}
     ${paging}`;
  const { rows } = await client.query<StaleLine>(query.text, query.values);
  return rows;
}

/**
 * The export's claim count and its stale lines (up to STALE_LINES_RENDERED + 1: all of them, or
 * enough to know there are too many) in one pass over the claims: counting them on their own
 * first scanned them once more, about 80–190 ms at 100,000 claims before the file's first byte.
 */
export async function countWithStaleLines(client: pg.ClientBase, lines: StoredLines, filter: LedgerFilter): Promise<ExportCount> {
  // One aggregate over one array keeps each id beside its own generation (two arrays would rely
  // on being built in the same order, which parallel aggregation need not keep).
  const query = Prisma.sql`
    SELECT count(*)::int AS total,
           (array_agg(c.id::text || ' ' || l."generation"::text) FILTER (WHERE l."claimId" IS NOT NULL))[1:${STALE_LINES_RENDERED + 1}] AS stale
      FROM "Claim" c
      LEFT JOIN ${Prisma.raw(`"${lines.table}"`)} l ON l."claimId" = c.id AND l."text" IS NULL
     WHERE ${exportWhereSql(filter)}`;
  const { rows } = await client.query<{ total: number; stale: string[] | null }>(query.text, query.values);
  const staleLines = (rows[0].stale ?? []).map((pair) => {
    const [id, generation] = pair.split(" ");
    return { id, generation };
  });
  return { total: rows[0].total, staleLines };
}

interface Rendered {
  id: string;
  generation: string;
  text: string;
}

/**
 * Writes rendered lines back, on the primary (exports may read a replica), one batch at a time in
 * the background of the export. A line is stored only over the generation it was rendered from: if
 * anything it shows was written since, the row's generation has moved on and the line is dropped
 * (`statement` says so in its WHERE). Best effort: a failure leaves the lines stale for the next
 * export, never fails this one.
 */
export class LineWriteBack<Line> {
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private failed = false;

  constructor(
    private readonly pool: pg.Pool | null,
    private readonly statement: (lines: Line[]) => { text: string; values: unknown[] },
  ) {}

  /** Queues the lines; waits only when the primary has fallen WRITE_BACKS_QUEUED statements behind. */
  async add(lines: Line[]): Promise<void> {
    const pool = this.pool;
    if (!pool || lines.length === 0 || this.failed) return;
    this.queued++;
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      try {
        const { text, values } = this.statement(lines);
        await pool.query(text, values);
      } catch (error) {
        this.failed = true;
        console.error("Storing exported lines failed; they stay stale", error instanceof Error ? error.message : error);
      } finally {
        this.queued--;
      }
    });
    if (this.queued > WRITE_BACKS_QUEUED) await this.queue;
  }

  /** Settles when every line handed over has been written (or given up on). */
  settled(): Promise<void> {
    return this.queue;
  }
}

/** Stores one format's rendered lines over the generation each was read at. */
function storedLinesWriteBack(table: StoredLines["table"], pool: pg.Pool | null): LineWriteBack<Rendered> {
  return new LineWriteBack<Rendered>(pool, (lines) => ({
    text: `UPDATE "${table}" l SET "text" = v.text
             FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS v(id, generation, text)
            WHERE l."claimId" = v.id AND l."generation" = v.generation`,
    values: [lines.map((line) => line.id), lines.map((line) => line.generation), lines.map((line) => line.text)],
  }));
}

/** What surrounds the lines in a format's file, and the file written from rows instead. */
export interface StoredLinesFile {
  opening: string;
  closing: string;
  /** Put between two lines (the JSON formats' comma). */
  between: string;
  /** Put after every line (the JSON formats' line break; a CSV record holds its own CRLF). */
  after: string;
  /** The whole file from the claims' rows: for links the lines cannot hold, and for mostly stale lines. */
  fromRows(): AsyncIterable<string>;
}

/**
 * A format's file from its stored lines, in the snapshot of `context.client`. The export's stale
 * lines are found first (a partial index holds them), rendered from their rows in the same
 * snapshot and written back on the primary; then every line is streamed in the ledger's order by
 * `COPY … (FORMAT binary)`, its bytes handed to the file as they arrive, a rendered line in place
 * of each stale one. More stale lines than STALE_LINES_RENDERED: the file is written from rows,
 * and the lines are refilled once it has been sent.
 */
export async function* writeFromStoredLines(context: ExportContext, lines: StoredLines, file: StoredLinesFile): AsyncGenerator<string | Uint8Array> {
  if (!storedLinesFit(lines, context)) return yield* file.fromRows();
  const { client } = context;
  const writePool = context.linesWriteBack === undefined ? getPool() : context.linesWriteBack;
  const limit = context.staleLinesRendered ?? STALE_LINES_RENDERED;
  // Read by the count when it could tell all of them up to this limit (see countWithStaleLines).
  const stale = context.staleLines && limit <= STALE_LINES_RENDERED ? context.staleLines : await staleLinesOf(client, lines, context.filter);
  if (stale.length > limit) {
    yield* file.fromRows();
    if (writePool) refillStoredLines(lines, context.filter, { read: getReadPool(), write: writePool });
    return;
  }
  const writeBack = storedLinesWriteBack(lines.table, writePool);
  const staleRows: ExportRow[] = [];
  const withWindows = lines.rowOptions.withSentenceWindow ? sentenceWindows(client) : null;
  for (let from = 0; from < stale.length; from += STALE_ROWS_PER_STATEMENT) {
    const rows = await exportRowsOf(client, stale.slice(from, from + STALE_ROWS_PER_STATEMENT).map((line) => line.id), lines.rowOptions);
    await withWindows?.(rows);
    staleRows.push(...rows);
  }

  yield file.opening;
  // The COPY is sent first and the stale lines rendered while PostgreSQL sorts the claims (a few
  // hundred milliseconds at 100,000 before its first row): Node's work and the server's overlap.
  const copy = new CopyOut(client, storedLinesCopySql(client, lines, context.filter));
  try {
    const rendered = new Map<string, Buffer>();
    const stored = renderLines(staleRows, lines, new Map(stale.map((line) => [line.id, line.generation])), (id, text) => rendered.set(id, Buffer.from(text)), linkValues(context));
    staleRows.length = 0;
    await writeBack.add(stored);
    yield* copyLines(context, lines, file, copy.chunks(), rendered);
  } finally {
    await copy.close();
  }
  yield file.closing;
  // The next export finds these lines fresh; waiting here keeps the primary's work inside the
  // export that caused it (the lines were written while the file streamed, so this is mostly done).
  await writeBack.settled();
}

/**
 * Renders rows as stored lines (placeholders in place of the links) to be written back over the
 * generation they were read at; with `values`, hands each line as the file holds it to `sent`.
 */
function renderLines(
  rows: ExportRow[],
  lines: StoredLines,
  generations: Map<string, string>,
  sent: ((id: string, text: string) => void) | null,
  values?: LinkValues,
): Rendered[] {
  const stored: Rendered[] = [];
  for (const row of rows) {
    if (showsPlaceholder(row)) {
      if (sent && values) sent(row.id, lines.render(row, values));
      continue;
    }
    const text = lines.render(row, PLACEHOLDER_LINKS);
    if (sent && values) sent(row.id, replaceAll(text, values, lines));
    stored.push({ id: row.id, generation: generations.get(row.id)!, text });
  }
  return stored;
}

/** Every line of the export in the ledger's order, as bytes, CHUNK_BYTES at a time. */
async function* copyLines(
  context: ExportContext,
  lines: StoredLines,
  file: StoredLinesFile,
  copy: AsyncIterable<Buffer>,
  rendered: Map<string, Buffer>,
): AsyncGenerator<Uint8Array> {
  const between = Buffer.from(file.between);
  const after = Buffer.from(file.after);
  const out = new ByteChunks(CHUNK_BYTES);
  const reader = new CopyBinaryReader(2);
  const links = new LinkBytes(lines, linkValues(context));
  let first = true;
  const onRow = (bytes: Buffer, starts: Int32Array, ends: Int32Array) => {
    if (!first) out.write(between, 0, between.length);
    first = false;
    if (starts[0] !== -1) links.write(out, bytes, starts[0], ends[0]);
    else {
      const id = bytes.toString("latin1", starts[1], ends[1]);
      const line = rendered.get(id);
      // Found stale in this same snapshot a moment ago, so rendered: only a claim without a row in
      // the table (which its insert trigger gives every claim) could be missing.
      if (!line) throw new Error(`Claim ${id} has no row in ${lines.table}`);
      out.write(line, 0, line.length);
    }
    out.write(after, 0, after.length);
    context.onClaim();
  };
  for await (const chunk of copy) {
    reader.push(chunk, onRow);
    yield* out.full();
  }
  reader.end();
  yield* out.rest();
}

const refills = new Map<StoredLines["table"], Promise<void>>();

/**
 * Renders the stale lines of `filter`'s claims and writes them back, in batches, off the request
 * that found them: one refill per table at a time, each batch read in a snapshot of its own (on
 * the replica when there is one) and written on the primary over the generation it read.
 */
export function refillStoredLines(lines: StoredLines, filter: LedgerFilter, pools: { read: pg.Pool; write: pg.Pool }): void {
  if (refills.has(lines.table)) return;
  const run = refill(lines, filter, pools)
    .catch((error) => console.error("Refilling stored export lines failed; they stay stale", error instanceof Error ? error.message : error))
    .finally(() => refills.delete(lines.table));
  refills.set(lines.table, run);
}

/** Settles when every refill running now has finished. */
export async function settledLineRefills(): Promise<void> {
  await Promise.all(refills.values());
}

async function refill(lines: StoredLines, filter: LedgerFilter, pools: { read: pg.Pool; write: pg.Pool }): Promise<void> {
  const writeBack = storedLinesWriteBack(lines.table, pools.write);
  let after: string | null = null;
  for (;;) {
    const client = await pools.read.connect();
    let stale: StaleLine[];
    let stored: Rendered[];
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      stale = await staleLinesOf(client, lines, filter, { after, limit: REFILL_BATCH });
      const rows = stale.length ? await exportRowsOf(client, stale.map((line) => line.id), lines.rowOptions) : [];
      if (lines.rowOptions.withSentenceWindow) await sentenceWindows(client)(rows);
      stored = renderLines(rows, lines, new Map(stale.map((line) => [line.id, line.generation])), null);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    await writeBack.add(stored);
    if (stale.length < REFILL_BATCH) break;
    after = stale[stale.length - 1].id;
  }
  await writeBack.settled();
}
