import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { checkEmptyInstance } from "@/lib/backup/restore-backup";
import { restoreInOwnProcess } from "@/lib/backup/restore-process";
import { MAX_BACKUP_UPLOAD_BYTES, MAX_BACKUP_UPLOAD_TEXT } from "@/lib/backup/limits";
import { InstanceNotEmptyError, RestoreRefusedError, type RestoreRefusalCode } from "@/lib/backup/restore-errors";
import { DerekError } from "@/lib/core/errors";
import { apiRoute } from "@/app/_lib/api-request";

const STATUS_FOR: Record<RestoreRefusalCode, number> = {
  malformed: 422,
  version: 422,
  truncated: 422,
  reference: 422,
  conflict: 409,
  rule: 422,
};

/**
 * Restores a backup: the body is the JSON Lines file itself. All or nothing.
 *
 * 200 with the counts restored (RestoreResult); otherwise the API's JSON error
 * (app/_lib/api-request.ts) with `line` where a line failed: 401, 403, 413 (over the limit), 422
 * (the file is malformed, of another version, cut short, names something missing, or holds a row
 * no page of Derek could have written; `code` says which), 409 (already stored here, `line` too;
 * or, with code "not_empty" and no line, the instance holds work of its own and a backup is
 * restored only into an empty one).
 */
export const POST = apiRoute(
  {
    action: "backup.restore",
    caller: { crossOrigin: "libBackup.api.crossOrigin" },
    failure: { what: "Backup restore", message: "libBackup.api.serverError" },
    answer: (error) => {
      if (error instanceof RestoreRefusedError) return { status: STATUS_FOR[error.refusal], code: error.refusal, extra: { line: error.line } };
      if (error instanceof InstanceNotEmptyError) return { code: "not_empty" };
      if (error.code === "libBackup.api.tooLarge") return { status: 413, code: "too_large" };
      return undefined;
    },
  },
  async (request, actor) => {
    const declared = Number(request.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > MAX_BACKUP_UPLOAD_BYTES) throw tooLarge();
    // Also before the upload is stored: a refusal the restore would give anyway, without the wait.
    // The restore asks again in its transaction, which is what counts.
    await checkEmptyInstance();

    // The upload is written to a file first and the restore reads it from there: its transaction
    // then lasts as long as the database work, not as long as a slow connection takes to upload.
    const dir = await mkdtemp(path.join(os.tmpdir(), "derek-restore-"));
    try {
      const file = path.join(dir, "backup.jsonl");
      // No body is an empty file, which the restore refuses at line 1 like any other.
      if (!request.body) await writeFile(file, "");
      else if ((await spool(request.body, file)) === "too_large") throw tooLarge();
      // In a process of its own, so that reading and checking the file never stalls this server.
      return Response.json(await restoreInOwnProcess({ actor, file }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);

function tooLarge(): DerekError {
  return new DerekError("libBackup.api.tooLarge", { params: { limit: MAX_BACKUP_UPLOAD_TEXT } });
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

