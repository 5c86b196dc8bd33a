import type pg from "pg";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";

/** Who publishes the exported reviews: the newsroom, named as a ClaimReview's author. */
export interface Publisher {
  name: string;
  url: string;
}

/** What a format's writer is given. */
export interface ExportContext {
  /** A connection inside a read-only REPEATABLE READ transaction: the whole file is one snapshot. */
  client: pg.PoolClient;
  /** The claims to export (the ledger's filter, with the export's defaults applied). */
  filter: LedgerFilter;
  /** Absolute origin for links in the file, e.g. "https://derek.example.kz". */
  baseUrl: string;
  /** Called once for every claim written: the export's count and its progress. */
  onClaim(): void;
  /** How many claims the file will hold, counted in the same snapshot (when the caller counted). */
  total?: number;
  /**
   * The file's stale stored lines, when the format's count read them in its statement (see
   * ExportFormat.count): up to STALE_LINES_RENDERED + 1 of them (lib/export/export-lines.ts).
   */
  staleLines?: StaleLine[];
  /**
   * Runs `work` on a second connection in the same snapshot, after the count: given to a format
   * that writes without the count (ExportFormat.writesWithoutCount) when the export pool had a
   * connection free (lib/export/snapshot-helper.ts). Only until the writer's first chunk: then the
   * connection is given back and later work is refused.
   */
  beside?<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T>;
  /** The newsroom that publishes the reviews; formats that name one fall back to "Derek" at baseUrl. */
  publisher?: Publisher;
  /** The export's id (a uuid, also the audit event's entityId), for formats whose file names itself. */
  exportId?: string;
  /**
   * Where rendered lines are written back (lib/export/export-lines.ts): the primary's pool unless
   * given; null writes nothing back.
   */
  linesWriteBack?: pg.Pool | null;
  /**
   * More stale lines than this and the file is written from rows (lib/export/export-lines.ts's
   * STALE_LINES_RENDERED unless given). JSON Lines renders its claims' stale lines in its COPY, and
   * counts here the stale articles it renders before it (more, and it is written a fetch at a time).
   */
  staleLinesRendered?: number;
}

/** A claim whose stored line is stale, and the generation it was marked stale at. */
export interface StaleLine {
  id: string;
  generation: string;
}

/** What a format's count read: the file's claims, and what its writer needs first. */
export interface ExportCount {
  total: number;
  staleLines?: StaleLine[];
}

/**
 * One export format. `write` yields the file as chunks of text or of UTF-8 bytes (stored lines
 * arrive as bytes and go out as they are), reading claims from a database cursor or a COPY, so
 * memory does not grow with the size of the set. Every claim-bearing record ends with
 * a line break that cannot occur inside it (a client counts records by line for progress).
 */
export interface ExportFormat {
  id: "claimreview" | "csv" | "jsonl" | "annotations";
  label: string;
  contentType: string;
  extension: string;
  write(context: ExportContext): AsyncIterable<string | Uint8Array>;
  /**
   * Counts the file's claims in the writer's snapshot, with what the writer reads first in the same
   * statement (handed to write() in the context). Without it, the claims are counted on their own.
   */
  count?(client: pg.ClientBase, filter: LedgerFilter): Promise<ExportCount>;
  /**
   * The writer reads nothing the count returns (neither `total` nor `staleLines`), so the count may
   * run on a second connection in the same snapshot while the writer starts (lib/export/snapshot-helper.ts).
   */
  writesWithoutCount?: boolean;
  /**
   * The format publishes verdicts (ClaimReview), so it can only hold verified claims: an export
   * asking for other statuses is refused rather than written without them.
   */
  verdictsOnly?: boolean;
}
