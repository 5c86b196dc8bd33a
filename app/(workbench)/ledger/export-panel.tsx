"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { apiErrorMessage, apiFieldMessages } from "@/app/_lib/api-error-message";
import type { ShownMessage } from "@/lib/i18n/coded-message";
import { EXPORT_CHOICES, type ExportChoice } from "@/lib/export/export-choices";
import { createRecordCounter } from "@/lib/export/record-counter";
import { LEDGER_FILTER_FIELDS } from "@/lib/ledger/ledger-filter";

type Progress =
  | { phase: "idle" }
  | { phase: "running"; received: number; total: number | null }
  | { phase: "done"; received: number; filename: string }
  | { phase: "failed"; message: ShownMessage; details: ShownMessage[] };

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

/** The server's refusal and its fields' messages (coded, worded where shown), or `fallback` when it sent none. */
async function refusal(response: Response, fallback: string): Promise<{ message: ShownMessage; details: ShownMessage[] }> {
  try {
    const body: unknown = await response.json();
    const message = apiErrorMessage(body) ?? fallback;
    const same = (a: ShownMessage, b: ShownMessage) => JSON.stringify(a) === JSON.stringify(b) || (typeof a !== "string" && typeof b !== "string" && a.code === b.code);
    return { message, details: apiFieldMessages(body).filter((detail) => !same(detail, message)) };
  } catch {
    return { message: fallback, details: [] };
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
  const t = useTranslations("exportPanel");
  const translate = useTranslateMessage();
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
        setProgress({ phase: "failed", ...(await refusal(response, t("refused", { status: response.status }))) });
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
        message: cancelled ? t("cancelled") : t("stoppedPartWay"),
        details: [],
      });
    } finally {
      abort.current = null;
    }
  }

  const running = progress.phase === "running";
  const curl = `curl -fOJ -H "Authorization: Bearer $DEREK_TOKEN" "${origin ?? ""}/api/export?${query}"`;
  return (
    <section className="card export-panel" aria-labelledby="export-panel-title" data-testid="export-panel">
      <h2 id="export-panel-title">{t("title")}</h2>
      <div className="export-controls">
        <div className="field">
          <label htmlFor="export-format">{t("format")}</label>
          <select id="export-format" value={choice.id} disabled={running} onChange={(e) => setFormatId(e.target.value as ExportChoice["id"])}>
            {EXPORT_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>{t(`formats.${c.id}.label`)}</option>
            ))}
          </select>
        </div>
        <label className="export-check">
          <input type="checkbox" checked={onlyVerified} disabled={running || verdictsOnly} onChange={(e) => setVerifiedOnly(e.target.checked)} /> {t("onlyVerified")}
        </label>
        {running ? (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>{t("cancel")}</button>
        ) : (
          <button type="button" onClick={run} data-testid="export-run">{t("run")}</button>
        )}
      </div>
      <p className="muted small-print">
        {t(`formats.${choice.id}.description`)}
        {verdictsOnly && ` ${t("claimReviewVerifiedOnly")}`}
      </p>

      {progress.phase === "running" && (
        <div className="export-progress" role="status" aria-live="polite">
          {progress.total === null ? (
            <>
              <progress aria-label={t("progressLabel")} />
              <span>{t("starting")}</span>
            </>
          ) : (
            <>
              <progress aria-label={t("progressLabel")} max={Math.max(progress.total, 1)} value={Math.min(progress.received, progress.total)} />
              <span data-testid="export-progress-text">
                {t("progress", { received: progress.received, total: progress.total })}
              </span>
            </>
          )}
        </div>
      )}
      {progress.phase === "done" && (
        <p className="notice" role="status" data-testid="export-done">
          {t("done", { count: progress.received, filename: progress.filename })}
        </p>
      )}
      {progress.phase === "failed" && (
        <div className="form-error" role="alert" data-testid="export-error">
          {translate(progress.message)}
          {progress.details.length > 0 && (
            <ul>
              {progress.details.map((detail) => (
                <li key={JSON.stringify(detail)}>{translate(detail)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <details className="export-api" onToggle={(e) => e.currentTarget.open && setOrigin(window.location.origin)}>
        <summary>{t("apiSummary")}</summary>
        <code className="export-curl">{curl}</code>
        <p className="muted small-print">{t("apiTokensHint")}</p>
      </details>
    </section>
  );
}
