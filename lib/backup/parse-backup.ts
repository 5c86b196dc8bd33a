import type { z } from "zod";
import type { MessageCode, MessageParams } from "@/lib/core/message-codes";
import { codedIssue } from "@/lib/core/zod-issues";
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
import { RestoreRefusedError, type RestoreRefusalCode } from "./restore-errors";

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
    if (this.header === null) throw refused(1, "malformed", "libBackup.parse.empty");
    if (!this.ended)
      throw refused(this.lines + 1, "truncated", "libBackup.parse.cutShort", { lines: this.lines });
  }

  private accept(line: number, text: string): BackupRecord | null {
    if (this.ended) {
      if (text.trim() === "") return null;
      throw refused(line, "malformed", "libBackup.parse.recordAfterEnd");
    }
    if (text.trim() === "") throw refused(line, "malformed", "libBackup.parse.emptyLine");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw refused(line, "malformed", "libBackup.parse.notJson", { detail: (error as Error).message });
    }
    // Before any validation, all of which recurses.
    if (exceedsDepth(value, MAX_RECORD_DEPTH))
      throw refused(line, "malformed", "libBackup.parse.tooDeep", { depth: MAX_RECORD_DEPTH });
    const type = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;

    if (this.header === null) {
      this.header = parseHeader(line, value, type);
      return null;
    }
    if (type === HEADER_TYPE) throw refused(line, "malformed", "libBackup.parse.secondHeader");
    if (type === "end") {
      this.checkTrailer(line, parseRecord(line, "end", trailerSchema, value));
      this.ended = true;
      return null;
    }
    if (typeof type !== "string" || !Object.hasOwn(RECORD_SCHEMAS, type)) {
      const known = [...Object.keys(RECORD_SCHEMAS), "end"].map((t) => `"${t}"`).join(", ");
      throw typeof type === "string"
        ? refused(line, "malformed", "libBackup.parse.unknownType", { types: known, type: type.slice(0, 40) })
        : refused(line, "malformed", "libBackup.parse.missingType", { types: known });
    }
    const recordType = type as keyof typeof RECORD_SCHEMAS;
    if (++this.recordsRead > this.maxRecords)
      throw refused(line, "malformed", "libBackup.parse.tooManyRecords", { count: this.maxRecords });
    const record = parseRecord(line, recordType, RECORD_SCHEMAS[recordType], value) as BackupRecord;
    this.counts[TRAILER_COUNT_OF[recordType]]++;
    return record;
  }

  private checkTrailer(line: number, trailer: BackupTrailer) {
    const differences = (Object.keys(this.counts) as (keyof BackupCounts)[])
      .filter((key) => trailer[key] !== this.counts[key])
      .map((key) => `${trailer[key]} ${key} announced, ${this.counts[key]} found`);
    if (differences.length > 0)
      throw refused(line, "truncated", "libBackup.parse.countsDiffer", { differences: differences.join("; ") });
  }
}

function parseHeader(line: number, value: unknown, type: unknown): BackupHeader {
  if (type !== HEADER_TYPE) throw refused(line, "malformed", "libBackup.parse.noHeader");
  const version = (value as { version?: unknown }).version;
  if (version !== FORMAT_VERSION)
    throw refused(line, "version", "libBackup.parse.otherVersion", { found: JSON.stringify(version ?? null), version: FORMAT_VERSION });
  return parseRecord(line, "header", headerSchema, value);
}

function parseRecord<S extends z.ZodType>(line: number, type: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // The schemas' rules are codes, translated inside this message; zod's own are English.
  const message = codedIssue(issue)?.code ?? issue.message;
  const an = /^[aeiou]/.test(type);
  if (issue.path.length === 0) throw refused(line, "malformed", an ? "libBackup.parse.recordInAn" : "libBackup.parse.recordInA", { type, message });
  throw refused(line, "malformed", an ? "libBackup.parse.fieldInAn" : "libBackup.parse.fieldInA", { type, path: issue.path.join("."), message });
}

function refused(line: number, kind: RestoreRefusalCode, code: MessageCode, params?: MessageParams): RestoreRefusedError {
  return new RestoreRefusedError(line, kind, { code, params });
}
