import "server-only";
import { verifyApiToken } from "@/lib/api-tokens/verify-api-token";
import type { SessionActor } from "@/lib/auth/load-actor";
import { decide, type Action } from "@/lib/auth/policy";
import { englishMessage, englishOf } from "@/lib/core/english-messages";
import { DerekError, type FieldMessage, type RefusalKind } from "@/lib/core/errors";
import type { CodedMessage, MessageCode, MessageParams } from "@/lib/core/message-codes";
import { contentDisposition } from "@/lib/export/export-filename";
import type { ExportRun } from "@/lib/export/run-export";
import { isSameOrigin } from "./same-origin";
import { currentActor } from "./session";

/**
 * The one shape of every refusal of app/api/: `error` in English for scripts and logs, `code` a
 * stable word scripts branch on ("forbidden", "not_found", "binary", "malformed" …), and the
 * message's code and parameters for the interface, which words it in the reader's language.
 * A form's fields get `fieldErrors` (English) and `fieldCodes`.
 */
export interface ApiError {
  error: string;
  code: string;
  messageCode?: MessageCode;
  params?: MessageParams;
  field?: string;
  fieldErrors?: Record<string, string>;
  fieldCodes?: Record<string, FieldMessage>;
  /** The line of a file that was refused (restore). */
  line?: number;
}

const STATUS_OF: Record<RefusalKind, number> = { invalid: 400, forbidden: 403, "not-found": 404, conflict: 409, unprocessable: 422, busy: 503 };
const CODE_OF: Record<RefusalKind, string> = { invalid: "bad_request", forbidden: "forbidden", "not-found": "not_found", conflict: "conflict", unprocessable: "unprocessable", busy: "busy" };

export function jsonError(status: number, code: string, message: CodedMessage, extra: Partial<ApiError> = {}, headers?: HeadersInit): Response {
  const params = message.params && Object.keys(message.params).length > 0 ? message.params : undefined;
  const body: ApiError = { error: englishMessage(message.code, message.params), code, messageCode: message.code, ...(params ? { params } : {}), ...extra };
  return Response.json(body, { status, headers });
}

/** A refusal as the route's JSON: its kind gives the status unless the route says otherwise. */
export function refusalResponse(error: DerekError, override: { status?: number; code?: string; headers?: HeadersInit; extra?: Partial<ApiError> } = {}): Response {
  const fields = error.fieldErrors ?? (error.field ? { [error.field]: error.toCoded() } : undefined);
  const extra: Partial<ApiError> = {
    // The error's own English: a restore's says "Line N: … Nothing was restored." around the reason.
    error: error.message,
    ...(error.field ? { field: error.field } : {}),
    ...(fields ? { fieldErrors: Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, englishOf(message)])), fieldCodes: fields } : {}),
    ...override.extra,
  };
  return jsonError(override.status ?? STATUS_OF[error.kind], override.code ?? CODE_OF[error.kind], error.toCoded(), extra, override.headers);
}


const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The caller: a bearer token when the request carries an Authorization header (scripts), else the
 * session cookie (Derek's own pages). A header that is present but wrong is refused, not passed
 * over for the cookie, so a broken script learns its token is bad.
 */
async function tokenOrSession(request: Request): Promise<SessionActor | Response> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    const actor = token ? await verifyApiToken(token) : null;
    if (!actor) return jsonError(401, "invalid_token", { code: "libExport.api.invalidToken" }, {}, { "WWW-Authenticate": 'Bearer realm="derek", error="invalid_token"' });
    return actor;
  }
  const actor = await currentActor();
  if (!actor) return jsonError(401, "unauthenticated", { code: "libExport.api.signIn" }, {}, { "WWW-Authenticate": 'Bearer realm="derek"' });
  return actor;
}

export interface ApiRouteOptions {
  /** What the caller asks to do; the policy decides, before any body is read. */
  action: Action;
  /**
   * Who calls: "token" for scripts with an API token (or Derek's pages with the session);
   * otherwise Derek's own pages only, with the session cookie, and this refusal for a post from
   * another site.
   */
  caller: "token" | { crossOrigin: MessageCode };
  /** The log's name for a failure, and what the person is told of it. */
  failure: { what: string; message: MessageCode };
  /** A route's own status and code for some refusals (an upload's 415, a restore's line). */
  answer?: (error: DerekError) => Parameters<typeof refusalResponse>[1] | undefined;
}

/**
 * Every route handler of app/api/ runs through here, as every server action runs through
 * runAction: authenticate, ask the policy, run, and answer every refusal in the one JSON shape
 * (ApiError). Anything unexpected is logged and answered as a 500 without internals.
 */
export function apiRoute(options: ApiRouteOptions, handler: (request: Request, actor: SessionActor) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    let actor: SessionActor | Response;
    if (options.caller === "token") actor = await tokenOrSession(request);
    else actor = (await currentActor()) ?? jsonError(401, "unauthenticated", { code: "libApp.sessionEnded" });
    if (actor instanceof Response) return actor;
    const decision = decide(actor, options.action);
    if (!decision.allowed) return jsonError(403, "forbidden", { code: decision.code });
    if (options.caller !== "token" && !isSameOrigin(request)) return jsonError(403, "cross_origin", { code: options.caller.crossOrigin });
    try {
      return await handler(request, actor);
    } catch (error) {
      if (error instanceof DerekError) return refusalResponse(error, options.answer?.(error));
      console.error(`${options.failure.what} failed`, error);
      return jsonError(500, "server_error", { code: options.failure.message });
    }
  };
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
