import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { ledgerFilterToParams, type LedgerFilter } from "@/lib/ledger/ledger-filter";
import { exportRefusal } from "./export-errors";
import { exportFilename } from "./export-filename";
import type { ExportCount, ExportFormat, Publisher } from "./export-format";
import { findExportFormat } from "./export-formats";
import { getExportPool } from "./export-pool";
import { snapshotHelper } from "./snapshot-helper";
import { countExportRows } from "./export-rows";

export interface RunExportOptions {
  actor: Actor;
  /** A format id (see lib/export/export-formats.ts); anything else is refused with a 400. */
  format: string;
  /** The ledger's filter. Unless `allStatuses`, the export holds verified claims only. */
  filter: LedgerFilter;
  allStatuses?: boolean;
  /** When the filter is a saved claim set's: named in the file name and the audit record. */
  claimSet?: { id: string; name: string };
  /** Absolute origin for links in the file. */
  baseUrl: string;
  publisher?: Publisher;
  /** Defaults to the export pool (lib/export/export-pool.ts). */
  pool?: pg.Pool;
}

export interface ExportSummary {
  exportId: string;
  claims: number;
  bytes: number;
  sha256: string;
}

export interface ExportRun {
  exportId: string;
  format: ExportFormat;
  filename: string;
  contentType: string;
  /** How many claims the file holds (counted in the file's own snapshot): the progress total. */
  claimCount: number;
  /** The file. Reading it to the end commits and records the export; cancelling it rolls back. */
  stream: ReadableStream<Uint8Array>;
  /** Settles when the stream has: the recorded summary, or the reason it stopped. */
  done: Promise<ExportSummary>;
}

/** The export's claims: verified ones unless every status was asked for. */
export function exportFilter(filter: LedgerFilter, options: { allStatuses: boolean; format: ExportFormat }): LedgerFilter {
  let effective = filter;
  if (!options.allStatuses) {
    if (filter.status && filter.status !== "VERIFIED") {
      throw exportRefusal("libExport.run.statusNotVerified", { params: { status: filter.status.toLowerCase() }, field: "status" });
    }
    effective = { ...filter, status: "VERIFIED" };
  }
  if (options.format.verdictsOnly && effective.status !== "VERIFIED") {
    throw exportRefusal("libExport.run.verdictsOnly", { params: { format: options.format.label }, field: "format" });
  }
  return effective;
}

const AUDIT_ENTITY = "Export";

/**
 * Exports a claim set as a file stream (see streamExport), after asking the policy and checking
 * the format and filter.
 *
 * Plain TypeScript with no Next.js imports: the route handler and the bench script both call it.
 */
export async function runExport(options: RunExportOptions): Promise<ExportRun> {
  authorize(options.actor, "export.run");
  const format = findExportFormat(options.format);
  if (!format) throw exportRefusal("libExport.run.unknownFormat", { params: { format: options.format }, field: "format" });
  const allStatuses = options.allStatuses ?? false;
  const filter = exportFilter(options.filter, { allStatuses, format });
  const countFormat = format.count;
  return streamExport({
    actor: options.actor,
    format,
    filter,
    count: countFormat ? (client) => countFormat(client, filter) : async (client) => ({ total: await countExportRows(client, filter) }),
    audited: {
      format: format.id,
      filter: ledgerFilterToParams(filter),
      statuses: allStatuses ? "all" : "verified",
      ...(options.claimSet ? { claimSet: options.claimSet } : {}),
    },
    fileName: options.claimSet?.name,
    baseUrl: options.baseUrl,
    publisher: options.publisher,
    pool: options.pool,
  });
}

/** What streamExport writes; the caller has already asked the policy. */
export interface StreamExportOptions {
  actor: Actor;
  format: ExportFormat;
  /** Given to the format's writer (a full backup's writer does not read it). */
  filter: LedgerFilter;
  /** How many claims the file will hold, counted in its snapshot, with what the format's count read besides. */
  count(client: pg.ClientBase): Promise<ExportCount>;
  /** What the audit events record of the request, besides the counts and the file's sha256. */
  audited: Record<string, unknown>;
  /** Put in the file's name ("derek-<name>-<date>.<extension>"); "claims" when absent. */
  fileName?: string;
  baseUrl: string;
  publisher?: Publisher;
  pool?: pg.Pool;
}

/**
 * The file as a stream. It is read from one database snapshot (a read-only REPEATABLE READ
 * transaction on a connection of its own), through a cursor, so it holds exactly the claims
 * counted at the start and memory stays flat however many there are (a format whose writer does
 * not read the count starts writing while the count runs on a second connection in the same
 * snapshot, when the pool has one free). The bytes are hashed as
 * they go out; once the last one has, the transaction commits and an "export.created" audit event
 * records who exported what: the request, claim count, size and sha256 of the file. Only then
 * does the stream end, so a file whose recording failed arrives as a failed download, never as a
 * complete-looking one. A stream that is cancelled or fails rolls back and records
 * "export.failed" with what had been sent: a partial file has still left the building.
 */
export async function streamExport(options: StreamExportOptions): Promise<ExportRun> {
  const { format, filter, audited } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const publisher = options.publisher ?? { name: process.env.DEREK_PUBLISHER_NAME?.trim() || "Derek", url: baseUrl };

  let client: pg.PoolClient;
  try {
    client = await (options.pool ?? getExportPool()).connect();
  } catch (error) {
    if (error instanceof Error && /timeout/i.test(error.message))
      throw exportRefusal("libExport.run.busy", { kind: "busy" });
    throw error;
  }

  const exportId = randomUUID();
  let claims = 0;
  const context = { client, filter, baseUrl, publisher, exportId, onClaim: () => void claims++ };
  let counted: ExportCount;
  let chunks: AsyncIterator<string | Uint8Array>;
  // The writer's first chunk, asked for while the count ran beside it; the stream's first pull takes it.
  let first: Promise<IteratorResult<string | Uint8Array>> | null = null;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A download that stops being read holds a snapshot (and a connection) open; the server ends
    // the session after this long without a read instead of keeping it forever.
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '5min'");
    const helper = format.writesWithoutCount ? await snapshotHelper(options.pool ?? getExportPool(), client) : null;
    if (helper) {
      // The count and the writer's first work (its statements, PostgreSQL's sort before the first
      // row) on two connections in one snapshot, rather than one after the other. The writer may
      // ask the helper too, until its first chunk; then the helper is given back.
      const counting = helper.run((on) => options.count(on));
      chunks = format.write({ ...context, beside: (work) => helper.run(work) })[Symbol.asyncIterator]();
      first = chunks.next();
      first.catch(() => undefined);
      const givenBack = Promise.allSettled([counting, first]).then(() => helper.end());
      try {
        counted = await counting;
      } catch (error) {
        await first.catch(() => undefined);
        await chunks.return?.().catch(() => undefined);
        await givenBack;
        throw error;
      }
    } else {
      counted = await options.count(client);
      chunks = format.write({ ...context, total: counted.total, staleLines: counted.staleLines })[Symbol.asyncIterator]();
    }
  } catch (error) {
    await rollBack(client);
    throw error;
  }

  const hash = createHash("sha256");
  const encoder = new TextEncoder();
  let bytes = 0;

  let state: "open" | "closing" | "closed" = "open";
  let settle!: { resolve(summary: ExportSummary): void; reject(error: unknown): void };
  const done = new Promise<ExportSummary>((resolve, reject) => (settle = { resolve, reject }));
  // Callers that only read the stream need not watch `done`; its failure is in the stream too.
  done.catch(() => undefined);

  async function fail(reason: "cancelled" | "error", error: unknown): Promise<void> {
    if (state !== "open") return;
    state = "closing";
    try {
      await chunks.return?.();
    } catch {
      // The connection is rolled back (or dropped) next either way.
    }
    await rollBack(client);
    state = "closed";
    try {
      await db.$transaction((tx) =>
        recordAuditEvent(tx, {
          actorId: options.actor.id,
          action: "export.failed",
          entityType: AUDIT_ENTITY,
          entityId: exportId,
          after: { ...audited, reason, claims, bytes },
        }),
      );
    } catch (auditError) {
      console.error("Recording a failed export failed", auditError);
    }
    settle.reject(error);
  }

  async function finish(): Promise<ExportSummary> {
    state = "closing";
    try {
      await client.query("COMMIT");
      client.release();
    } catch (error) {
      state = "open";
      throw error;
    }
    state = "closed";
    const summary = { exportId, claims, bytes, sha256: hash.digest("hex") };
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: options.actor.id,
        action: "export.created",
        entityType: AUDIT_ENTITY,
        entityId: exportId,
        after: { ...audited, claims, bytes, sha256: summary.sha256 },
      }),
    );
    return summary;
  }

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let next = await (first ?? chunks.next());
        first = null;
        // A pull that enqueues nothing is not called again: skip empty chunks here.
        while (!next.done && next.value.length === 0 && state === "open") next = await chunks.next();
        if (state !== "open") return;
        if (next.done) {
          const summary = await finish();
          controller.close();
          settle.resolve(summary);
          return;
        }
        const encoded = typeof next.value === "string" ? encoder.encode(next.value) : next.value;
        hash.update(encoded);
        bytes += encoded.byteLength;
        controller.enqueue(encoded);
      } catch (error) {
        if (state === "closed") {
          // Committed, but the audit event could not be written: the file must not look complete.
          console.error("Recording an export failed", error);
          controller.error(new Error("The export could not be recorded, so it was stopped."));
          settle.reject(error);
          return;
        }
        console.error("Export failed", error);
        await fail("error", error);
        controller.error(new Error("The export failed part-way; the file is incomplete."));
      }
    },
    async cancel(reason) {
      await fail("cancelled", reason ?? new Error("The export was cancelled."));
    },
  });

  return {
    exportId,
    format,
    filename: exportFilename({ extension: format.extension, setName: options.fileName, at: new Date() }),
    contentType: format.contentType,
    claimCount: counted.total,
    stream,
    done,
  };
}

/** Ends the transaction and returns the connection; one that cannot roll back is discarded. */
async function rollBack(client: pg.PoolClient): Promise<void> {
  try {
    await client.query("ROLLBACK");
    client.release();
  } catch (error) {
    client.release(error instanceof Error ? error : true);
  }
}
