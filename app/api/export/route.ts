import { decide } from "@/lib/auth/policy";
import { loadClaimSetForExport, parseExportRequest } from "@/lib/export/export-request";
import { runExport } from "@/lib/export/run-export";
import { authenticate, baseUrlOf, fileErrorResponse, fileResponse, jsonError } from "../../_lib/api-request";

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
    const set = query.claims.kind === "set" ? { id: query.claims.setId, ...(await loadClaimSetForExport(query.claims.setId)) } : null;
    const run = await runExport({
      actor,
      format: query.format,
      filter: set ? set.filter : query.claims.kind === "filter" ? query.claims.filter : {},
      allStatuses: query.allStatuses,
      claimSet: set ? { id: set.id, name: set.name } : undefined,
      baseUrl: baseUrlOf(request),
    });
    return fileResponse(run);
  } catch (error) {
    return fileErrorResponse(error, "Export");
  }
}
