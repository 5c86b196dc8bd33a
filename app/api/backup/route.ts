import { runBackup } from "@/lib/backup/run-backup";
import { DerekError } from "@/lib/core/errors";
import { apiRoute, baseUrlOf, fileResponse } from "../../_lib/api-request";

// A file read from the database on every request: never prerendered or cached.
export const dynamic = "force-dynamic";

/**
 * GET /api/backup: a full backup of the instance, for admins (docs/EXPORT-FORMATS.md). Session
 * cookie or `Authorization: Bearer <token>` of an admin.
 *
 * Streams the JSON Lines file as an attachment, with X-Claim-Count (every stored claim, deleted
 * ones too). Refusals are the API's JSON error (app/_lib/api-request.ts): 400 when the request
 * names anything (a backup is of everything; a filtered set is exported from the ledger), 401
 * without a valid session or token, 403 for anyone but an admin, 503 when too many exports are
 * running.
 */
export const GET = apiRoute(
  { action: "backup.create", caller: "token", failure: { what: "Backup", message: "libExport.api.serverError" } },
  async (request, actor) => {
    // Refused rather than ignored: a script that sends a filter expects a filtered file.
    if (new URL(request.url).searchParams.size > 0) throw new DerekError("libBackup.api.noParameters");
    return fileResponse(await runBackup({ actor, baseUrl: baseUrlOf(request) }));
  },
);
