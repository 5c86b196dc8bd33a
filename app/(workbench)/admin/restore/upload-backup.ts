import { apiErrorMessage } from "@/app/_lib/api-error-message";
import type { RestoreResult } from "@/lib/backup/restore-backup";
import type { ShownMessage } from "@/lib/i18n/coded-message";

/**
 * What the restore route answered, or why it could not be reached: its refusal (a coded message,
 * and the line that failed), a status with no message, or a broken connection.
 * The form puts the last two in the reader's language.
 */
export type RestoreOutcome =
  | { status: "restored"; result: RestoreResult }
  | { status: "refused"; message: ShownMessage; line: number | null }
  | { status: "unanswered"; httpStatus: number }
  | { status: "interrupted" };

// Named rather than written into the call: the translation check reads the arguments of set…()
// calls as interface text, and a header is not.
const CONTENT_TYPE = "Content-Type";
const JSON_LINES = "application/x-ndjson";

/**
 * Sends the file as the request body with XMLHttpRequest rather than fetch, because only XHR
 * reports upload progress (`upload.onprogress`) in browsers today. `onUploaded` fires when the
 * last byte is sent: from then on the server is restoring.
 */
export function uploadBackup(file: File, onProgress: (loaded: number) => void, onUploaded: () => void): Promise<RestoreOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/backup/restore");
    xhr.setRequestHeader(CONTENT_TYPE, JSON_LINES);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => onProgress(event.lengthComputable ? Math.min(event.loaded, file.size) : 0);
    xhr.upload.onload = onUploaded;
    xhr.onload = () => {
      const response = xhr.response as (RestoreResult & { error?: undefined }) | { error?: string; line?: number } | null;
      if (xhr.status === 200 && response && !("error" in response && response.error)) {
        resolve({ status: "restored", result: response as RestoreResult });
      } else {
        const message = apiErrorMessage(response);
        const line = (response as { line?: unknown } | null)?.line;
        resolve(message ? { status: "refused", message, line: typeof line === "number" ? line : null } : { status: "unanswered", httpStatus: xhr.status });
      }
    };
    xhr.onerror = () => resolve({ status: "interrupted" });
    xhr.send(file);
  });
}
