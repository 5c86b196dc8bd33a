import { decide } from "@/lib/auth/policy";
import { runBackup } from "@/lib/backup/run-backup";
import { authenticate, baseUrlOf, fileErrorResponse, fileResponse, jsonError } from "../../_lib/api-request";

// A file read from the database on every request: never prerendered or cached.
export const dynamic = "force-dynamic";

/**
 * GET /api/backup: a full backup of the instance, for admins (docs/EXPORT-FORMATS.md). Session
 * cookie or `Authorization: Bearer <token>` of an admin.
 *
 * Streams the JSON Lines file as an attachment, with X-Claim-Count (every stored claim, deleted
 * ones too). Refusals are JSON `{ error, code }`: 400 when the request names anything (a backup
 * is of everything; a filtered set is exported from the ledger), 401 without a valid session or
 * token, 403 for anyone but an admin, 503 when too many exports are running.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await authenticate(request);
  if (actor instanceof Response) return actor;
  const decision = decide(actor, "backup.create");
  if (!decision.allowed) return jsonError(403, "forbidden", decision.reason);
  // Refused rather than ignored: a script that sends a filter expects a filtered file.
  if (new URL(request.url).searchParams.size > 0)
    return jsonError(400, "bad_request", "A full backup holds everything and takes no parameters; export a filtered set from the ledger (GET /api/export).");

  try {
    const run = await runBackup({ actor, baseUrl: baseUrlOf(request) });
    return fileResponse(run);
  } catch (error) {
    return fileErrorResponse(error, "Backup");
  }
}
