import { DerekError } from "@/lib/core/errors";
import { importArticle } from "@/lib/import/import-article";
import { ImportError, type ImportErrorCode } from "@/lib/import/import-error";
import { formatBytes, MAX_FILE_BYTES } from "@/lib/import/limits";
import { apiRoute } from "@/app/_lib/api-request";

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

/** The route's own refusals, with the code scripts read. */
const ROUTE_REFUSALS: Partial<Record<string, { status: number; code: string }>> = {
  "libImport.route.overLimit": { status: 413, code: "too_large" },
  "libImport.route.notMultipart": { status: 400, code: "bad_request" },
  "libImport.route.onePerRequest": { status: 400, code: "one_file_per_request" },
  "libImport.route.noFile": { status: 400, code: "no_file" },
};

/**
 * Imports one uploaded file (multipart field "file", with optional "title", "outlet", "sourceUrl"
 * and "publishedAt"). One file per request, so the import page can show each file's result as it
 * arrives and a failure never takes the other files of a batch with it.
 *
 * 201 `{ status: "imported", articleId, title }`, 200 `{ status: "duplicate", articleId, title }`,
 * otherwise the API's JSON error (app/_lib/api-request.ts) with a 4xx status; `code` is the
 * refusal's reason ("binary", "too_large" …) and `field` the form field it concerns.
 */
export const POST = apiRoute(
  {
    action: "article.import",
    caller: { crossOrigin: "libImport.route.crossOrigin" },
    failure: { what: "Article import", message: "libImport.route.serverError" },
    answer: (error) => {
      if (error instanceof ImportError) return { status: STATUS_FOR[error.reason], code: error.reason, headers: error.reason === "busy" ? { "Retry-After": "30" } : undefined };
      return ROUTE_REFUSALS[error.code];
    },
  },
  async (request, actor) => {
    const body = await readLimited(request, MAX_REQUEST_BYTES);
    if (body === "too_large") throw new DerekError("libImport.route.overLimit", { params: { limit: formatBytes(MAX_FILE_BYTES) } });
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    } catch {
      throw new DerekError("libImport.route.notMultipart");
    }
    const files = form.getAll("file");
    if (files.length !== 1 || typeof files[0] === "string") throw new DerekError(files.length > 1 ? "libImport.route.onePerRequest" : "libImport.route.noFile");
    const file = files[0];
    const details = Object.fromEntries(
      (["title", "outlet", "sourceUrl", "publishedAt"] as const).flatMap((key) => {
        const value = form.get(key);
        return typeof value === "string" ? [[key, value]] : [];
      }),
    );

    const result = await importArticle({
      actor,
      source: { kind: "file", name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      details,
    });
    const status = result.status === "created" ? "imported" : "duplicate";
    return Response.json({ status, articleId: result.articleId, title: result.title }, { status: result.status === "created" ? 201 : 200 });
  },
);

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
