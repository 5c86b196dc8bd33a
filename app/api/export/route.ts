import { loadClaimSetForExport, parseExportRequest } from "@/lib/export/export-request";
import { runExport } from "@/lib/export/run-export";
import { apiRoute, baseUrlOf, fileResponse } from "../../_lib/api-request";

// A file read from the database on every request: never prerendered or cached.
export const dynamic = "force-dynamic";

/**
 * GET /api/export?format=csv|claimreview|jsonl|annotations[&statuses=all][&set=<claim set id> | ledger filter fields]
 *
 * Streams the file as an attachment, with X-Claim-Count (the claims it will hold) for progress.
 * Refusals are the API's JSON error (app/_lib/api-request.ts): 400 for a bad query, 401 without a
 * valid session or token, 403 when the user may not export, 404 for an unknown claim set, 422 for
 * a set whose saved filter no longer reads, 503 when too many exports are running.
 */
export const GET = apiRoute(
  { action: "export.run", caller: "token", failure: { what: "Export", message: "libExport.api.serverError" } },
  async (request, actor) => {
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
  },
);
