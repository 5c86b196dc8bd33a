import { englishMessage } from "@/lib/core/english-messages";
import { DerekError } from "@/lib/core/errors";
import type { CodedMessage } from "@/lib/core/message-codes";

/**
 * Why a backup file was refused:
 * - malformed: a line is not a valid record (not JSON, an unknown type, a bad field), or the file
 *   is not a Derek export at all;
 * - version: the header names another version of the format;
 * - truncated: the end record is missing or its counts do not match the lines read;
 * - reference: a record names something that is neither earlier in the file nor stored here;
 * - conflict: a record is already stored here (a restore is meant for an empty instance);
 * - rule: a record is well formed but breaks a rule the workbench itself keeps (an approval by the
 *   claim's own author, a verified claim no reviewer approved, a link that is not http(s), an
 *   article whose text is not its document's), so no page could have stored it.
 */
export type RestoreRefusalCode = "malformed" | "version" | "truncated" | "reference" | "conflict" | "rule";

/**
 * A refusal of the whole file, naming the line that failed. Nothing of the file has been stored
 * when this is thrown out of restoreBackup: the transaction it ran in has been rolled back.
 * Its code and parameters are the reason's (with `line` among the parameters); its English message
 * says "Line N: … Nothing was restored." for the command line and the API's JSON.
 */
export class RestoreRefusedError extends DerekError {
  constructor(
    readonly line: number,
    readonly refusal: RestoreRefusalCode,
    readonly reason: CodedMessage,
  ) {
    super(reason.code, { params: { ...reason.params, line }, kind: refusal === "conflict" ? "conflict" : "unprocessable" });
    this.message = englishMessage("libBackup.parse.refusedAtLine", { line, reason: englishMessage(reason.code, reason.params) });
    this.name = "RestoreRefusedError";
  }
}

/** What an instance already holds beyond a fresh start, as found when a restore began. */
export interface InstanceWork {
  claims: number;
  sources: number;
  groups: number;
  articles: number;
}

/**
 * A refusal of the whole file before any line is read: the instance holds work of its own, and a
 * restore only ever fills an empty one (lib/backup/instance-emptiness.ts says what that means).
 */
export class InstanceNotEmptyError extends DerekError {
  constructor(readonly found: InstanceWork) {
    super("libBackup.rules.notEmpty", { params: { ...found }, kind: "conflict" });
    this.name = "InstanceNotEmptyError";
  }
}
