import { apiErrorMessage } from "@/app/_lib/api-error-message";
import type { ShownMessage } from "@/lib/i18n/coded-message";

/** What the import route answered for one file, or why it could not be reached. */
export type UploadOutcome =
  | { status: "imported" | "duplicate"; articleId: string; title: string }
  | { status: "rejected"; refusal: UploadRefusal };

/**
 * Why a file was not imported: the route's own message (a code, translated where it is shown),
 * or what went wrong before the route could answer, which the form words in the reader's language.
 */
export type UploadRefusal =
  | { kind: "message"; message: ShownMessage }
  | { kind: "http"; httpStatus: number }
  | { kind: "interrupted" }
  | { kind: "too-large"; size: number };

/**
 * Sends one file to the import route with XMLHttpRequest rather than fetch, because only XHR
 * reports upload progress (`upload.onprogress`) in browsers today.
 */
export function uploadFile(file: File, fields: Record<string, string>, onProgress: (loaded: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const body = new FormData();
    body.append("file", file);
    for (const [key, value] of Object.entries(fields)) if (value) body.append(key, value);

    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/articles/import");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => onProgress(event.lengthComputable ? Math.min(event.loaded, file.size) : 0);
    xhr.onload = () => {
      onProgress(file.size);
      const response = xhr.response as { status?: string; articleId?: string; title?: string } | null;
      if ((xhr.status === 200 || xhr.status === 201) && response?.articleId) {
        resolve({ status: response.status === "duplicate" ? "duplicate" : "imported", articleId: response.articleId, title: response.title ?? file.name });
      } else {
        const message = apiErrorMessage(xhr.response);
        resolve({ status: "rejected", refusal: message ? { kind: "message", message } : { kind: "http", httpStatus: xhr.status } });
      }
    };
    xhr.onerror = () => resolve({ status: "rejected", refusal: { kind: "interrupted" } });
    xhr.send(body);
  });
}
