import { ForbiddenError, decide } from "@/lib/auth/policy";
import { importArticle } from "@/lib/import/import-article";
import { ImportError, type ImportErrorCode } from "@/lib/import/import-error";
import { formatBytes, MAX_FILE_BYTES } from "@/lib/import/limits";
import { currentActor } from "../../../_lib/session";
import { isSameOrigin } from "@/app/_lib/same-origin";

/** Room for the multipart boundaries and the details fields around one file at the limit. */
const MAX_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024;

const STATUS_FOR: Record<ImportErrorCode, number> = {
  empty: 422,
  binary: 415,
  not_utf8: 415,
  unsupported_type: 415,
  unreadable_docx: 422,
  too_large: 413,
  invalid_details: 400,
  too_complex: 422,
  too_many_figures: 422,
  timed_out: 422,
  busy: 503,
};

function jsonError(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}

/**
 * Imports one uploaded file (multipart field "file", with optional "title", "outlet", "sourceUrl"
 * and "publishedAt"). One file per request, so the import page can show each file's result as it
 * arrives and a failure never takes the other files of a batch with it.
 *
 * 201 `{ status: "imported", articleId, title }`, 200 `{ status: "duplicate", articleId, title }`,
 * otherwise `{ error: { code, message, field? } }` with a 4xx status.
 */
export async function POST(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return jsonError(401, "unauthenticated", "Your session has ended. Sign in again.");
  // Asked before the body is read, so a refused user cannot make the server read 2 MB.
  const decision = decide(actor, "article.import");
  if (!decision.allowed) return jsonError(403, "forbidden", decision.reason);
  if (!isSameOrigin(request)) return jsonError(403, "cross_origin", "Uploads are accepted only from Derek's own pages.");

  const body = await readLimited(request, MAX_REQUEST_BYTES);
  if (body === "too_large") {
    return jsonError(413, "too_large", `This file is over the limit of ${formatBytes(MAX_FILE_BYTES)} per file.`);
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return jsonError(400, "bad_request", "Send the file as multipart/form-data in a field named “file”.");
  }
  const files = form.getAll("file");
  if (files.length !== 1 || typeof files[0] === "string") {
    return jsonError(400, files.length > 1 ? "one_file_per_request" : "no_file", files.length > 1 ? "Send one file per request." : "Choose a file to import.");
  }
  const file = files[0];
  const details = Object.fromEntries(
    (["title", "outlet", "sourceUrl", "publishedAt"] as const).flatMap((key) => {
      const value = form.get(key);
      return typeof value === "string" ? [[key, value]] : [];
    }),
  );

  try {
    const result = await importArticle({
      actor,
      source: { kind: "file", name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      details,
    });
    const status = result.status === "created" ? "imported" : "duplicate";
    return Response.json({ status, articleId: result.articleId, title: result.title }, { status: result.status === "created" ? 201 : 200 });
  } catch (error) {
    if (error instanceof ImportError) {
      const response = jsonError(STATUS_FOR[error.reason], error.reason, error.message, error.field);
      if (error.reason === "busy") response.headers.set("Retry-After", "30");
      return response;
    }
    if (error instanceof ForbiddenError) return jsonError(403, "forbidden", error.message);
    console.error("Article import failed", error);
    return jsonError(500, "server_error", "Something went wrong on the server. Nothing was stored; try again.");
  }
}

/** The body, or "too_large" as soon as it passes `limit`: a huge upload is never held whole. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | "too_large"> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return "too_large";
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too_large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
