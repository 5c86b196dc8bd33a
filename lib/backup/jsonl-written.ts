import { ByteChunks } from "@/lib/export/byte-chunks";
import { type BackupRecord, type BackupTrailer, type RecordType, TRAILER_COUNT_OF } from "./backup-records";

export const line = (record: object) => `${JSON.stringify(record)}\n`;

/**
 * Bytes gathered before they are handed on as one chunk. Each chunk costs a stream read and a hash
 * update; a chunk per line made those the writer's largest cost.
 */
const CHUNK_BYTES = 1 << 18;

/**
 * What has been written: ids of the records later lines refer to, so each is written once, the
 * count of each record type for the trailer, and the lines not yet handed on. Memory grows with
 * the distinct users, articles, sources and groups of the set (36-character ids), not with the
 * claims' reviews and comments, which nothing refers to.
 */
export class Written {
  readonly users = new Set<string>();
  readonly articles = new Set<string>();
  readonly sources = new Set<string>();
  readonly groups = new Set<string>();
  private readonly counts = Object.fromEntries(Object.values(TRAILER_COUNT_OF).map((key) => [key, 0])) as Omit<BackupTrailer, "type">;
  private readonly out = new ByteChunks(CHUNK_BYTES);

  record<T extends RecordType>(type: T, record: Extract<BackupRecord, { type: T }>): void {
    this.counts[TRAILER_COUNT_OF[type]]++;
    this.push(line(record));
  }

  /** Counts lines rendered elsewhere (by PostgreSQL). */
  counted(type: RecordType, n: number): void {
    this.counts[TRAILER_COUNT_OF[type]] += n;
  }

  push(text: string): void {
    this.pushBytes(Buffer.from(text));
  }

  pushBytes(bytes: Buffer): void {
    this.out.write(bytes, 0, bytes.length);
  }

  /** The chunks filled so far. */
  take(): Buffer[] {
    return this.out.full();
  }

  /** Everything not handed on yet. */
  rest(): Buffer[] {
    return this.out.rest();
  }

  trailer(): BackupTrailer {
    return { type: "end", ...this.counts };
  }
}
