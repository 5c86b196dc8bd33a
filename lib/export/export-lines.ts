import type pg from "pg";
import { getPool } from "@/lib/db/pool";
import { Prisma } from "@/lib/generated/prisma/client";
import { ledgerOrderOf, ledgerOrderSql } from "@/lib/ledger/ledger-sql";
import type { ExportContext, Publisher } from "./export-format";
import { astralArticles, EXPORT_BATCH_SIZE, exportRowsOf, exportWhereSql, sentenceWindows, type ExportRow, type ExportRowOptions } from "./export-rows";
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
 * Stored lines read per round trip: about 1 MB of text. A batch with stale lines costs a statement
 * more (their rows); a larger batch holds more text at once, and the collector lets the heap grow
 * with it (measured at 100,000 claims: ClaimReview's RSS rose by up to 219 MB at 2,000).
 */
export const LINE_BATCH_SIZE = 1_000;

/** Stale lines rendered per statement for their rows: what the row-by-row writers hold at once (EXPORT_BATCH_SIZE). */
const STALE_ROWS_PER_STATEMENT = EXPORT_BATCH_SIZE;

/** Write-back statements queued before the export waits for the primary: bounds the rendered text held. */
const WRITE_BACKS_QUEUED = 4;

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

/** The statement reading the export's lines in the ledger's order, the request's links put in. */
function storedLinesSql(lines: StoredLines, context: Pick<ExportContext, "filter" | "baseUrl" | "publisher">): { text: string; values: unknown[] } {
  const values = linkValues(context);
  let text = Prisma.sql`l."text"`;
  for (const key of lines.uses) text = Prisma.sql`replace(${text}, ${PLACEHOLDERS[key]}, ${lines.escape(values[key])})`;
  const order = ledgerOrderSql(ledgerOrderOf(context.filter));
  // The claims are sorted narrow (ids and the sort's columns), then their lines fetched by key in
  // that order: sorting the joined lines (megabytes of text) spilled to disk and took about a
  // second more for 100,000 claims. OFFSET 0 keeps the lookup a per-claim index scan, which keeps
  // the sorted order, so the outer ORDER BY costs no second sort.
  const query = Prisma.sql`
    SELECT l.text,
           -- Only a stale line needs its claim named: it is rendered, and written back if still current.
           CASE WHEN l.text IS NULL THEN c.id END AS id,
           l.generation
      FROM (SELECT c.id, c."createdAt", c."updatedAt", c."eventDate", c."min", c."value", c."max", c."claimant",
                   c."category", c."status", c."rating"
              FROM "Claim" c
             WHERE ${exportWhereSql(context.filter)}
             ORDER BY ${order}) c
      LEFT JOIN LATERAL (
        SELECT ${text} AS text, CASE WHEN l."text" IS NULL THEN l."generation"::text END AS generation
          FROM ${Prisma.raw(`"${lines.table}"`)} l WHERE l."claimId" = c.id OFFSET 0
      ) l ON TRUE
     ORDER BY ${order}`;
  return { text: query.text, values: query.values };
}

interface Rendered {
  id: string;
  generation: string;
  text: string;
}

/**
 * Writes rendered lines back, on the primary (exports may read a replica), one batch at a time in
 * the background of the export. A line is stored only over the generation it was rendered from: if
 * anything it shows was written since, the row's generation has moved on and the line is dropped.
 * Best effort: a failure leaves the lines stale for the next export, never fails this one.
 */
export class LineWriteBack {
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private failed = false;

  constructor(
    private readonly table: StoredLines["table"],
    private readonly pool: pg.Pool | null,
  ) {}

  /** Queues the lines; waits only when the primary has fallen WRITE_BACKS_QUEUED statements behind. */
  async add(lines: Rendered[]): Promise<void> {
    const pool = this.pool;
    if (!pool || lines.length === 0 || this.failed) return;
    this.queued++;
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      try {
        await pool.query(
          `UPDATE "${this.table}" l SET "text" = v.text
             FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS v(id, generation, text)
            WHERE l."claimId" = v.id AND l."generation" = v.generation`,
          [lines.map((line) => line.id), lines.map((line) => line.generation), lines.map((line) => line.text)],
        );
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

/**
 * The export's claims as their lines in the ledger's order, a batch at a time, from the snapshot
 * of `context.client`. Fresh lines come from the table with the request's links put in; stale ones
 * are rendered here from their rows (read in the same snapshot) and written back. The next batch
 * is fetched while the consumer writes the current one.
 */
export async function* storedLineBatches(
  context: Pick<ExportContext, "client" | "filter" | "baseUrl" | "publisher">,
  lines: StoredLines,
  options: { writeBack?: pg.Pool | null; batchSize?: number } = {},
): AsyncGenerator<string[]> {
  const { client } = context;
  const cursor = `derek_export_lines`;
  const values = linkValues(context);
  const writeBack = new LineWriteBack(lines.table, options.writeBack === undefined ? getPool() : options.writeBack);
  const withWindows = lines.rowOptions.withSentenceWindow ? sentenceWindows(client) : null;
  const astralOf = lines.rowOptions.withTextUpToEnd ? astralArticles(client) : null;
  const { text, values: params } = storedLinesSql(lines, context);
  await client.query("SET LOCAL cursor_tuple_fraction = 1.0");
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${text}`, params);

  const fetchBatch = async (): Promise<string[] | null> => {
    const { rows } = await client.query<[string | null, string | null, string | null]>({
      text: `FETCH FORWARD ${options.batchSize ?? LINE_BATCH_SIZE} FROM ${cursor}`,
      rowMode: "array",
    });
    if (rows.length === 0) return null;
    const batch: string[] = new Array(rows.length);
    const stale = new Map<string, { at: number; generation: string | null }>();
    for (let i = 0; i < rows.length; i++) {
      const [line, id, generation] = rows[i];
      if (line !== null) batch[i] = line;
      else stale.set(id!, { at: i, generation });
    }
    const staleIds = [...stale.keys()];
    for (let from = 0; from < staleIds.length; from += STALE_ROWS_PER_STATEMENT) {
      const chunk = staleIds.slice(from, from + STALE_ROWS_PER_STATEMENT);
      const astral = astralOf ? await astralOf(chunk) : undefined;
      const staleRows = await exportRowsOf(client, chunk, { ...lines.rowOptions, astral });
      await withWindows?.(staleRows);
      const rendered: Rendered[] = [];
      for (const row of staleRows) {
        const { at, generation } = stale.get(row.id)!;
        if (showsPlaceholder(row)) {
          batch[at] = lines.render(row, values);
          continue;
        }
        const stored = lines.render(row, PLACEHOLDER_LINKS);
        batch[at] = replaceAll(stored, values, lines);
        if (generation !== null) rendered.push({ id: row.id, generation, text: stored });
      }
      await writeBack.add(rendered);
    }
    return batch;
  };

  let next: Promise<string[] | null> | null = fetchBatch();
  try {
    for (;;) {
      const batch: string[] | null = await next;
      if (!batch) break;
      next = fetchBatch();
      next.catch(() => undefined);
      yield batch;
    }
    // The next export finds these lines fresh; waiting here keeps the primary's work inside the
    // export that caused it (lines are written while the file streams, so this is mostly done).
    await writeBack.settled();
  } finally {
    await next?.catch(() => undefined);
    await client.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

/**
 * A JSON document whose array holds the stored lines, one claim per line, comma-separated:
 * ClaimReview's and the annotation collection's shape around their lines.
 */
export async function* jsonArrayOfStoredLines(context: ExportContext, lines: StoredLines, around: { opening: string; closing: string }): AsyncGenerator<string> {
  yield around.opening;
  let separator = "";
  for await (const batch of storedLineBatches(context, lines, { writeBack: context.linesWriteBack })) {
    let chunk = "";
    for (const line of batch) {
      chunk += separator + line + "\n";
      separator = ",";
      context.onClaim();
    }
    yield chunk;
  }
  yield around.closing;
}
