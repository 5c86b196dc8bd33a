import "server-only";
import { verifyApiToken } from "@/lib/api-tokens/verify-api-token";
import type { SessionActor } from "@/lib/auth/load-actor";
import { ForbiddenError } from "@/lib/auth/policy";
import { ExportRequestError } from "@/lib/export/export-errors";
import { contentDisposition } from "@/lib/export/export-filename";
import type { ExportRun } from "@/lib/export/run-export";
import { currentActor } from "./session";

/** A refusal of the file routes: `{ error, code, fieldErrors? }` with its status. */
export function jsonError(status: number, code: string, message: string, fieldErrors?: Record<string, string>, headers?: HeadersInit): Response {
  return Response.json({ error: message, code, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers });
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The caller: a bearer token when the request carries an Authorization header (scripts), else the
 * session cookie (Derek's own pages). A header that is present but wrong is refused, not passed
 * over for the cookie, so a broken script learns its token is bad.
 */
export async function authenticate(request: Request): Promise<SessionActor | Response> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    const actor = token ? await verifyApiToken(token) : null;
    if (!actor)
      return jsonError(401, "invalid_token", "This API token is not valid: it may be mistyped or revoked, or its user deactivated. Ask an admin for a new one.", undefined, {
        "WWW-Authenticate": 'Bearer realm="derek", error="invalid_token"',
      });
    return actor;
  }
  const actor = await currentActor();
  if (!actor)
    return jsonError(401, "unauthenticated", "Sign in, or send an API token as “Authorization: Bearer derek_…”.", undefined, { "WWW-Authenticate": 'Bearer realm="derek"' });
  return actor;
}

/** The public address links in a file point to: the configured one, else this request's. */
export function baseUrlOf(request: Request): string {
  return process.env.NEXTAUTH_URL || new URL(request.url).origin;
}

/** A file as an attachment, with X-Claim-Count (the claims it will hold) for the progress bar. */
export function fileResponse(run: ExportRun): Response {
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
}

const EXPORT_ERROR_CODES: Record<number, string> = { 404: "not_found", 503: "busy" };

/** Why a file could not be started, as JSON with its status; anything unforeseen is logged as a 500. */
export function fileErrorResponse(error: unknown, what: string): Response {
  if (error instanceof ExportRequestError) return jsonError(error.status, EXPORT_ERROR_CODES[error.status] ?? "bad_request", error.message, error.fieldErrors);
  if (error instanceof ForbiddenError) return jsonError(403, "forbidden", error.message);
  console.error(`${what} failed to start`, error);
  return jsonError(500, "server_error", "Something went wrong on the server. Nothing was exported; try again.");
}
