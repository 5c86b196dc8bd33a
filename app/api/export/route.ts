import { decide, ForbiddenError } from "@/lib/auth/policy";
import { ExportRequestError } from "@/lib/export/export-errors";
import { contentDisposition } from "@/lib/export/export-filename";
import { loadClaimSetFilter, parseExportRequest } from "@/lib/export/export-request";
import { runExport } from "@/lib/export/run-export";
import { authenticate, baseUrlOf, jsonError } from "../../_lib/api-request";

// A file read from the database on every request: never prerendered or cached.
export const dynamic = "force-dynamic";

/**
 * GET /api/export?format=csv|claimreview|jsonl|annotations[&statuses=all][&set=<claim set id> | ledger filter fields]
 *
 * Streams the file as an attachment, with X-Claim-Count (the claims it will hold) for progress.
 * Refusals are JSON `{ error, code, fieldErrors? }`: 400 for a bad query, 401 without a valid
 * session or token, 403 when the user may not export, 404 for an unknown claim set, 503 when too
 * many exports are running.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await authenticate(request);
  if (actor instanceof Response) return actor;
  const decision = decide(actor, "export.run");
  if (!decision.allowed) return jsonError(403, "forbidden", decision.reason);

  try {
    const query = parseExportRequest(new URL(request.url).searchParams);
    const set = query.claims.kind === "set" ? { id: query.claims.setId, ...(await loadClaimSetFilter(query.claims.setId)) } : null;
    const run = await runExport({
      actor,
      format: query.format,
      filter: set ? set.filter : query.claims.kind === "filter" ? query.claims.filter : {},
      allStatuses: query.allStatuses,
      claimSet: set ? { id: set.id, name: set.name } : undefined,
      baseUrl: baseUrlOf(request),
    });
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
    if (error instanceof ExportRequestError) return jsonError(error.status, error.status === 404 ? "not_found" : error.status === 503 ? "busy" : "bad_request", error.message, error.fieldErrors);
    if (error instanceof ForbiddenError) return jsonError(403, "forbidden", error.message);
    console.error("Export failed to start", error);
    return jsonError(500, "server_error", "Something went wrong on the server. Nothing was exported; try again.");
  }
}
