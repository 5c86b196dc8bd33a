"use client";

import { useRef, useState } from "react";
import { EXPORT_CHOICES, type ExportChoice } from "@/lib/export/export-choices";
import { createRecordCounter } from "@/lib/export/record-counter";
import { LEDGER_FILTER_FIELDS } from "@/lib/ledger/ledger-filter";

type Progress =
  | { phase: "idle" }
  | { phase: "running"; received: number; total: number | null }
  | { phase: "done"; received: number; filename: string }
  | { phase: "failed"; message: string; details: string[] };

// Re-rendering on every chunk of a 100,000-claim file would cost more than the download.
const PROGRESS_INTERVAL_MS = 100;

/** The export query for this ledger view: its filter fields only (paging is not a filter). */
function exportQuery(filterParams: Record<string, string>, format: ExportChoice["id"], verifiedOnly: boolean): URLSearchParams {
  const query = new URLSearchParams({ format });
  for (const field of LEDGER_FILTER_FIELDS) {
    const value = filterParams[field];
    if (value) query.set(field, value);
  }
  if (!verifiedOnly) query.set("statuses", "all");
  return query;
}

/** The server's file name: RFC 5987 `filename*` (UTF-8, keeps Kazakh letters) before plain `filename`. */
function filenameOf(disposition: string | null, fallback: string): string {
  const extended = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

async function refusal(response: Response): Promise<{ message: string; details: string[] }> {
  try {
    const body = (await response.json()) as { error?: string; fieldErrors?: Record<string, string> };
    const details = Object.values(body.fieldErrors ?? {}).filter((message) => message !== body.error);
    return { message: body.error ?? `The export was refused (${response.status}).`, details };
  } catch {
    return { message: `The export was refused (${response.status}).`, details: [] };
  }
}

/** Hands the finished file to the browser's downloads under the server's name. */
function save(parts: BlobPart[], type: string, filename: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a moment's grace for slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Exports the claims the ledger shows: pick a format, keep or drop "only verified claims", and the
 * file streams in with a progress bar (records received of the X-Claim-Count the server
 * announced), then is saved under the server's file name.
 */
export function ExportPanel({ filterParams }: { filterParams: Record<string, string> }) {
  const [formatId, setFormatId] = useState<ExportChoice["id"]>(EXPORT_CHOICES[0].id);
  const [verifiedOnly, setVerifiedOnly] = useState(true);
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const [origin, setOrigin] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const choice = EXPORT_CHOICES.find((c) => c.id === formatId) ?? EXPORT_CHOICES[0];
  // ClaimReview publishes verdicts: it holds verified claims whatever the box says.
  const verdictsOnly = choice.id === "claimreview";
  const onlyVerified = verifiedOnly || verdictsOnly;
  const query = exportQuery(filterParams, choice.id, onlyVerified);

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ phase: "running", received: 0, total: null });
    try {
      const response = await fetch(`/api/export?${query}`, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok || !response.body) {
        setProgress({ phase: "failed", ...(await refusal(response)) });
        return;
      }
      const announced = Number(response.headers.get("X-Claim-Count"));
      const total = Number.isFinite(announced) && announced >= 0 ? announced : null;
      const counter = createRecordCounter(choice.counting);
      const decoder = new TextDecoder();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      let shownAt = 0;
      setProgress({ phase: "running", received: 0, total });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        counter.push(decoder.decode(value, { stream: true }));
        const now = performance.now();
        if (now - shownAt >= PROGRESS_INTERVAL_MS) {
          shownAt = now;
          setProgress({ phase: "running", received: counter.records, total });
        }
      }
      const filename = filenameOf(response.headers.get("Content-Disposition"), `derek-claims.${choice.id}`);
      save(parts, response.headers.get("Content-Type") ?? "application/octet-stream", filename);
      setProgress({ phase: "done", received: counter.records, filename });
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === "AbortError";
      setProgress({
        phase: "failed",
        message: cancelled ? "Export cancelled; nothing was saved." : "The export stopped part-way (the connection or the server failed); nothing was saved. Try again.",
        details: [],
      });
    } finally {
      abort.current = null;
    }
  }

  const running = progress.phase === "running";
  return (
    <section className="card export-panel" aria-labelledby="export-panel-title" data-testid="export-panel">
      <h2 id="export-panel-title">Export</h2>
      <div className="export-controls">
        <div className="field">
          <label htmlFor="export-format">Format</label>
          <select id="export-format" value={choice.id} disabled={running} onChange={(e) => setFormatId(e.target.value as ExportChoice["id"])}>
            {EXPORT_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
        </div>
        <label className="export-check">
          <input type="checkbox" checked={onlyVerified} disabled={running || verdictsOnly} onChange={(e) => setVerifiedOnly(e.target.checked)} /> Only verified claims
        </label>
        {running ? (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>Cancel</button>
        ) : (
          <button type="button" onClick={run} data-testid="export-run">Export</button>
        )}
      </div>
      <p className="muted small-print">
        {choice.description}
        {verdictsOnly && " ClaimReview carries verdicts, so it holds verified claims only."}
      </p>

      {progress.phase === "running" && (
        <div className="export-progress" role="status" aria-live="polite">
          {progress.total === null ? (
            <>
              <progress aria-label="Export progress" />
              <span>Starting…</span>
            </>
          ) : (
            <>
              <progress aria-label="Export progress" max={Math.max(progress.total, 1)} value={Math.min(progress.received, progress.total)} />
              <span data-testid="export-progress-text">
                {progress.received.toLocaleString("en")} of {progress.total.toLocaleString("en")} claims
              </span>
            </>
          )}
        </div>
      )}
      {progress.phase === "done" && (
        <p className="notice" role="status" data-testid="export-done">
          Saved {progress.received.toLocaleString("en")} claim{progress.received === 1 ? "" : "s"} as {progress.filename}.
        </p>
      )}
      {progress.phase === "failed" && (
        <div className="form-error" role="alert" data-testid="export-error">
          {progress.message}
          {progress.details.length > 0 && (
            <ul>
              {progress.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <details className="export-api" onToggle={(e) => e.currentTarget.open && setOrigin(window.location.origin)}>
        <summary>API: the same export from a script</summary>
        <code className="export-curl">{`curl -fOJ -H "Authorization: Bearer $DEREK_TOKEN" "${origin ?? ""}/api/export?${query}"`}</code>
        <p className="muted small-print">An admin issues API tokens on the API tokens page.</p>
      </details>
    </section>
  );
}
