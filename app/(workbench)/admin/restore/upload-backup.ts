import type { RestoreResult } from "@/lib/backup/restore-backup";

/** What the restore route answered, or why it could not be reached. */
export type RestoreOutcome =
  | { status: "restored"; result: RestoreResult }
  | { status: "refused"; message: string; line: number | null };

/**
 * Sends the file as the request body with XMLHttpRequest rather than fetch, because only XHR
 * reports upload progress (`upload.onprogress`) in browsers today. `onUploaded` fires when the
 * last byte is sent: from then on the server is restoring.
 */
export function uploadBackup(file: File, onProgress: (loaded: number) => void, onUploaded: () => void): Promise<RestoreOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/backup/restore");
    xhr.setRequestHeader("Content-Type", "application/x-ndjson");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => onProgress(event.lengthComputable ? Math.min(event.loaded, file.size) : 0);
    xhr.upload.onload = onUploaded;
    xhr.onload = () => {
      const response = xhr.response as (RestoreResult & { error?: undefined }) | { error?: string; line?: number } | null;
      if (xhr.status === 200 && response && !("error" in response && response.error)) {
        resolve({ status: "restored", result: response as RestoreResult });
      } else {
        const refusal = response as { error?: string; line?: number } | null;
        resolve({ status: "refused", message: refusal?.error ?? `The server answered ${xhr.status}; nothing was restored. Try again.`, line: refusal?.line ?? null });
      }
    };
    xhr.onerror = () => resolve({ status: "refused", message: "The upload was interrupted; check the connection and try again. Nothing was restored.", line: null });
    xhr.send(file);
  });
}
