"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { ACCEPTED_EXTENSIONS } from "@/lib/import/detect-format";
import { MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD } from "@/lib/import/limits";
import { uploadFile, type UploadOutcome, type UploadRefusal } from "./upload-file";

type Row = { name: string; size: number } & ({ status: "waiting" | "uploading" } | UploadOutcome);

export function UploadForm() {
  const t = useTranslations("importPage");
  const locale = useLocale() as Locale;
  const translate = useTranslateMessage();
  const fileInput = useRef<HTMLInputElement>(null);
  // How many files were chosen when the choice was refused (none, or too many).
  const [refusedChoice, setRefusedChoice] = useState<number | null>(null);
  const [outlet, setOutlet] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const setRow = (index: number, row: Row) => setRows((current) => current.map((r, i) => (i === index ? row : r)));

  // lib/import/limits.ts's formatBytes, in the reader's language ("2.0 MB", "2,0 МБ").
  const formatSize = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t("upload.size.megabytes", { value: formatNumber(bytes / (1024 * 1024), locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })
      : t("upload.size.kilobytes", { value: formatNumber(Math.ceil(bytes / 1024), locale) });

  const refusalText = (refusal: UploadRefusal) => {
    switch (refusal.kind) {
      case "message":
        return translate(refusal.message);
      case "http":
        return t("upload.serverAnswered", { status: refusal.httpStatus });
      case "interrupted":
        return t("upload.interrupted");
      case "too-large":
        return t("upload.tooLarge", { size: formatSize(refusal.size), limit: formatSize(MAX_FILE_BYTES) });
    }
  };

  const fileError =
    refusedChoice === null ? undefined : refusedChoice === 0 ? t("upload.chooseFiles") : t("upload.tooMany", { max: MAX_FILES_PER_UPLOAD, count: refusedChoice });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const files = Array.from(fileInput.current?.files ?? []);
    setRefusedChoice(null);
    if (files.length === 0 || files.length > MAX_FILES_PER_UPLOAD) return setRefusedChoice(files.length);

    setBusy(true);
    setRows(files.map((file) => ({ name: file.name, size: file.size, status: "waiting" })));
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let done = 0;
    setProgress({ sent: 0, total });
    // One file after another: each result shows as it arrives, and the server holds one file at a time.
    for (const [index, file] of files.entries()) {
      if (file.size > MAX_FILE_BYTES) {
        setRow(index, { name: file.name, size: file.size, status: "rejected", refusal: { kind: "too-large", size: file.size } });
      } else {
        setRow(index, { name: file.name, size: file.size, status: "uploading" });
        const outcome = await uploadFile(file, { outlet }, (loaded) => setProgress({ sent: done + loaded, total }));
        setRow(index, { name: file.name, size: file.size, ...outcome });
      }
      done += file.size;
      setProgress({ sent: done, total });
    }
    setBusy(false);
    if (fileInput.current) fileInput.current.value = "";
  }

  const finished = rows.filter((row) => row.status !== "waiting" && row.status !== "uploading").length;
  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : progress ? 100 : 0;

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t("upload.label")}>
      <FormField id="upload-files" label={t("upload.files")} error={fileError}>
        <input
          id="upload-files"
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS.join(",")}
          aria-invalid={!!fileError}
          aria-describedby={fileError ? fieldErrorId("upload-files") : "upload-files-hint"}
          disabled={busy}
        />
      </FormField>
      <p id="upload-files-hint" className="muted hint">
        {t("upload.hint", { extensions: ACCEPTED_EXTENSIONS.join(", "), max: MAX_FILES_PER_UPLOAD, size: formatSize(MAX_FILE_BYTES) })}
      </p>
      <FormField id="upload-outlet" label={t("upload.outlet")}>
        <input id="upload-outlet" value={outlet} onChange={(e) => setOutlet(e.target.value)} disabled={busy} lang="kk" />
      </FormField>
      <button type="submit" disabled={busy}>{busy ? t("upload.submitting") : t("upload.submit")}</button>

      {progress && (
        <div className="upload-progress" data-testid="upload-progress">
          <progress max={100} value={percent} aria-label={t("upload.progress")} />
          <span aria-live="polite">
            {busy ? t("upload.busy", { finished, total: rows.length, percent }) : t("upload.done", { finished, total: rows.length })}
          </span>
        </div>
      )}
      {rows.length > 0 && (
        <ul className="upload-results" data-testid="upload-results" aria-live="polite">
          {rows.map((row, index) => (
            <li key={`${index}-${row.name}`} data-file={row.name} data-status={row.status}>
              <span className="upload-name">{row.name}</span>{" "}
              <span className={`badge status-${row.status}`}>{t(`upload.status.${row.status}`)}</span>{" "}
              {row.status === "imported" && <Link href={`/articles/${row.articleId}`}>{row.title}</Link>}
              {row.status === "duplicate" &&
                t.rich("upload.alreadyStored", { title: row.title, link: (chunks) => <Link href={`/articles/${row.articleId}`}>{chunks}</Link> })}
              {row.status === "rejected" && <span className="field-error">{refusalText(row.refusal)}</span>}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
