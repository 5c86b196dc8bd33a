import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ForbiddenError, decide } from "@/lib/auth/policy";
import { checkEmptyInstance } from "@/lib/backup/restore-backup";
import { restoreInOwnProcess } from "@/lib/backup/restore-process";
import { MAX_BACKUP_UPLOAD_BYTES, MAX_BACKUP_UPLOAD_TEXT } from "@/lib/backup/limits";
import { InstanceNotEmptyError, RestoreRefusedError, type RestoreRefusalCode } from "@/lib/backup/restore-errors";
import { currentActor } from "../../../_lib/session";
import { isSameOrigin } from "@/app/_lib/same-origin";

const STATUS_FOR: Record<RestoreRefusalCode, number> = {
  malformed: 422,
  version: 422,
  truncated: 422,
  reference: 422,
  conflict: 409,
  rule: 422,
};

function jsonError(status: number, code: string, error: string, line?: number): Response {
  return Response.json({ error, code, ...(line !== undefined ? { line } : {}) }, { status });
}

/**
 * Restores a backup: the body is the JSON Lines file itself. All or nothing.
 *
 * 200 with the counts restored (RestoreResult); otherwise `{ error, code, line? }`: 401, 403,
 * 413 (over the limit), 422 (the file is malformed, of another version, cut short, names
 * something missing, or holds a row no page of Derek could have written; `line` is the line that
 * failed), 409 (already stored here, `line` too; or, with code "not_empty" and no line, the
 * instance holds work of its own and a backup is restored only into an empty one).
 */
export async function POST(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return jsonError(401, "unauthenticated", "Your session has ended. Sign in again.");
  // Asked before the body is read, so a refused user cannot make the server store a gigabyte.
  const decision = decide(actor, "backup.restore");
  if (!decision.allowed) return jsonError(403, "forbidden", decision.reason);
  if (!isSameOrigin(request)) return jsonError(403, "cross_origin", "Backups are accepted only from Derek's own pages.");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BACKUP_UPLOAD_BYTES) return tooLarge();
  // Also before the upload is stored: a refusal the restore would give anyway, without the wait.
  // The restore asks again in its transaction, which is what counts.
  try {
    await checkEmptyInstance();
  } catch (error) {
    if (error instanceof InstanceNotEmptyError) return notEmpty(error);
    throw error;
  }

  // The upload is written to a file first and the restore reads it from there: its transaction
  // then lasts as long as the database work, not as long as a slow connection takes to upload.
  const dir = await mkdtemp(path.join(os.tmpdir(), "derek-restore-"));
  try {
    const file = path.join(dir, "backup.jsonl");
    // No body is an empty file, which the restore refuses at line 1 like any other.
    if (!request.body) await writeFile(file, "");
    else if ((await spool(request.body, file)) === "too_large") return tooLarge();
    // In a process of its own, so that reading and checking the file never stalls this server.
    const result = await restoreInOwnProcess({ actor, file });
    return Response.json(result);
  } catch (error) {
    if (error instanceof RestoreRefusedError) return jsonError(STATUS_FOR[error.code], error.code, error.message, error.line);
    if (error instanceof InstanceNotEmptyError) return notEmpty(error);
    if (error instanceof ForbiddenError) return jsonError(403, "forbidden", error.message);
    console.error("Backup restore failed", error);
    return jsonError(500, "server_error", "Something went wrong on the server. Nothing was restored; try again.");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function notEmpty(error: InstanceNotEmptyError): Response {
  return jsonError(409, "not_empty", error.message);
}

function tooLarge(): Response {
  return jsonError(413, "too_large", `The file is over the limit of ${MAX_BACKUP_UPLOAD_TEXT} for the web; restore it with npm run restore -- FILE on the server.`);
}

/** Writes the body to `file`, stopping as soon as it passes the limit. */
async function spool(body: ReadableStream<Uint8Array>, file: string): Promise<"ok" | "too_large"> {
  const handle = await open(file, "wx", 0o600);
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return "ok";
      size += value.byteLength;
      if (size > MAX_BACKUP_UPLOAD_BYTES) {
        await reader.cancel();
        return "too_large";
      }
      await handle.write(value);
    }
  } finally {
    await handle.close();
  }
}

