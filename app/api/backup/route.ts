import { decide, ForbiddenError } from "@/lib/auth/policy";
import { runBackup } from "@/lib/backup/run-backup";
import { ExportRequestError } from "@/lib/export/export-errors";
import { contentDisposition } from "@/lib/export/export-filename";
import { authenticate, baseUrlOf, jsonError } from "../../_lib/api-request";

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
    return new Response(run.stream, {
      headers: {
        "Content-Type": run.contentType,
        "Content-Disposition": contentDisposition(run.filename),
        "X-Claim-Count": String(run.claimCount),
        "X-Export-Id": run.exportId,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ExportRequestError) return jsonError(error.status, error.status === 503 ? "busy" : "bad_request", error.message);
    if (error instanceof ForbiddenError) return jsonError(403, "forbidden", error.message);
    console.error("Backup failed to start", error);
    return jsonError(500, "server_error", "Something went wrong on the server. Nothing was exported; try again.");
  }
}
