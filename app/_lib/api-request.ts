import "server-only";
import { verifyApiToken } from "@/lib/api-tokens/verify-api-token";
import type { SessionActor } from "@/lib/auth/load-actor";
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
