import type { z } from "zod";
import {
  FORMAT_VERSION,
  HEADER_TYPE,
  RECORD_SCHEMAS,
  TRAILER_COUNT_OF,
  headerSchema,
  trailerSchema,
  type BackupHeader,
  type BackupRecord,
  type BackupTrailer,
} from "./backup-records";
import { exceedsDepth } from "./json-depth";
import { MAX_BACKUP_RECORDS, MAX_RECORD_DEPTH } from "./limits";
import { LineReader, type BackupInput } from "./read-lines";
import { RestoreRefusedError } from "./restore-errors";

export type BackupCounts = Omit<BackupTrailer, "type">;

export interface ParsedRecord {
  line: number;
  record: BackupRecord;
}

/**
 * Reads a JSON Lines export line by line and checks everything that needs no database: that it
 * starts with a header of this version, that every line is a valid record, and that it ends with
 * an end record whose counts match (so a file cut short, even at a line break, is refused).
 * Yields the records in order; the header is available from `header` once the first is yielded.
 */
export class BackupParser {
  header: BackupHeader | null = null;
  readonly counts = Object.fromEntries(Object.values(TRAILER_COUNT_OF).map((key) => [key, 0])) as BackupCounts;
  lines = 0;
  /** Records read so far, the header and the end record not counted. */
  private recordsRead = 0;
  private ended = false;
  private readonly reader: LineReader;

  /** `maxRecords` is MAX_BACKUP_RECORDS but in tests, which need not write millions of lines. */
  constructor(
    input: BackupInput,
    private readonly maxRecords = MAX_BACKUP_RECORDS,
  ) {
    this.reader = new LineReader(input);
  }

  /** sha256 and size of the bytes read: complete once the records are exhausted. */
  digest() {
    return this.reader.digest();
  }

  async *records(): AsyncGenerator<ParsedRecord> {
    for await (const { number, text } of this.reader.lines()) {
      this.lines = number;
      const record = this.accept(number, text);
      if (record) yield { line: number, record };
    }
    if (this.header === null) throw new RestoreRefusedError(1, "malformed", "The file is empty; a Derek export starts with its header.");
    if (!this.ended)
      throw new RestoreRefusedError(this.lines + 1, "truncated", `The file ends without its end record after ${this.lines} lines: it was cut short.`);
  }

  private accept(line: number, text: string): BackupRecord | null {
    if (this.ended) {
      if (text.trim() === "") return null;
      throw new RestoreRefusedError(line, "malformed", "There is a record after the end record; the file was put together from pieces or edited.");
    }
    if (text.trim() === "") throw new RestoreRefusedError(line, "malformed", "This line is empty; every line of an export is one record.");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new RestoreRefusedError(line, "malformed", `This line is not valid JSON (${(error as Error).message}).`);
    }
    // Before any validation, all of which recurses.
    if (exceedsDepth(value, MAX_RECORD_DEPTH))
      throw new RestoreRefusedError(line, "malformed", `This record nests deeper than ${MAX_RECORD_DEPTH} levels; no record of a Derek export does.`);
    const type = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;

    if (this.header === null) {
      this.header = parseHeader(line, value, type);
      return null;
    }
    if (type === HEADER_TYPE) throw new RestoreRefusedError(line, "malformed", "A second header: the file was put together from several exports.");
    if (type === "end") {
      this.checkTrailer(line, parseRecord(line, "end", trailerSchema, value));
      this.ended = true;
      return null;
    }
    if (typeof type !== "string" || !Object.hasOwn(RECORD_SCHEMAS, type)) {
      const known = [...Object.keys(RECORD_SCHEMAS), "end"].map((t) => `"${t}"`).join(", ");
      const found = typeof type === "string" ? `; "${type.slice(0, 40)}" is none of them` : "";
      throw new RestoreRefusedError(line, "malformed", `A record needs a "type", one of ${known}${found}.`);
    }
    const recordType = type as keyof typeof RECORD_SCHEMAS;
    if (++this.recordsRead > this.maxRecords)
      throw new RestoreRefusedError(line, "malformed", `The file holds more than ${this.maxRecords} records; no export of Derek restores that many at once.`);
    const record = parseRecord(line, recordType, RECORD_SCHEMAS[recordType], value) as BackupRecord;
    this.counts[TRAILER_COUNT_OF[recordType]]++;
    return record;
  }

  private checkTrailer(line: number, trailer: BackupTrailer) {
    const differences = (Object.keys(this.counts) as (keyof BackupCounts)[])
      .filter((key) => trailer[key] !== this.counts[key])
      .map((key) => `${trailer[key]} ${key} announced, ${this.counts[key]} found`);
    if (differences.length > 0)
      throw new RestoreRefusedError(line, "truncated", `The end record's counts do not match the file (${differences.join("; ")}): lines are missing or were added.`);
  }
}

function parseHeader(line: number, value: unknown, type: unknown): BackupHeader {
  if (type !== HEADER_TYPE) throw new RestoreRefusedError(line, "malformed", "This file does not start with a Derek export header; it is not a JSON Lines export of Derek.");
  const version = (value as { version?: unknown }).version;
  if (version !== FORMAT_VERSION)
    throw new RestoreRefusedError(line, "version", `This file is in version ${JSON.stringify(version ?? null)} of Derek's export format; this Derek reads version ${FORMAT_VERSION} only.`);
  return parseRecord(line, "header", headerSchema, value);
}

function parseRecord<S extends z.ZodType>(line: number, type: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.length > 0 ? `field "${issue.path.join(".")}"` : "record";
  const article = /^[aeiou]/.test(type) ? "an" : "a";
  throw new RestoreRefusedError(line, "malformed", `In ${article} ${type} record, ${field}: ${issue.message}`);
}
