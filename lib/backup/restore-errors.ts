/**
 * Why a backup file was refused:
 * - malformed: a line is not a valid record (not JSON, an unknown type, a bad field), or the file
 *   is not a Derek export at all;
 * - version: the header names another version of the format;
 * - truncated: the end record is missing or its counts do not match the lines read;
 * - reference: a record names something that is neither earlier in the file nor stored here;
 * - conflict: a record is already stored here (a restore is meant for an empty instance).
 */
export type RestoreRefusalCode = "malformed" | "version" | "truncated" | "reference" | "conflict";

/**
 * A refusal of the whole file, naming the line that failed. Nothing of the file has been stored
 * when this is thrown out of restoreBackup: the transaction it ran in has been rolled back.
 * Its message is meant for the person who restores and names no internals.
 */
export class RestoreRefusedError extends Error {
  constructor(
    readonly line: number,
    readonly code: RestoreRefusalCode,
    readonly reason: string,
  ) {
    super(`Line ${line}: ${reason} Nothing was restored.`);
    this.name = "RestoreRefusedError";
  }
}
