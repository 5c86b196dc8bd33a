"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { ACCEPTED_EXTENSIONS } from "@/lib/import/detect-format";
import { formatBytes, MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD } from "@/lib/import/limits";
import { uploadFile, type UploadOutcome } from "./upload-file";

type Row = { name: string; size: number } & ({ status: "waiting" | "uploading" } | UploadOutcome);

const STATUS_TEXT = { waiting: "waiting", uploading: "uploading…", imported: "imported", duplicate: "duplicate", rejected: "rejected" } as const;

export function UploadForm() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outlet, setOutlet] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const setRow = (index: number, row: Row) => setRows((current) => current.map((r, i) => (i === index ? row : r)));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const files = Array.from(fileInput.current?.files ?? []);
    setFileError(null);
    if (files.length === 0) return setFileError("Choose one or more files.");
    if (files.length > MAX_FILES_PER_UPLOAD) {
      return setFileError(`Choose at most ${MAX_FILES_PER_UPLOAD} files at a time; you chose ${files.length}.`);
    }

    setBusy(true);
    setRows(files.map((file) => ({ name: file.name, size: file.size, status: "waiting" })));
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let done = 0;
    setProgress({ sent: 0, total });
    // One file after another: each result shows as it arrives, and the server holds one file at a time.
    for (const [index, file] of files.entries()) {
      if (file.size > MAX_FILE_BYTES) {
        const message = `This file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)} per file.`;
        setRow(index, { name: file.name, size: file.size, status: "rejected", message });
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
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Upload files">
      <FormField id="upload-files" label="Files" error={fileError ?? undefined}>
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
        {ACCEPTED_EXTENSIONS.join(", ")} in UTF-8 · up to {MAX_FILES_PER_UPLOAD} files at a time, {formatBytes(MAX_FILE_BYTES)} each.
      </p>
      <FormField id="upload-outlet" label="Outlet of these articles (optional)">
        <input id="upload-outlet" value={outlet} onChange={(e) => setOutlet(e.target.value)} disabled={busy} lang="kk" />
      </FormField>
      <button type="submit" disabled={busy}>{busy ? "Uploading…" : "Upload"}</button>

      {progress && (
        <div className="upload-progress" data-testid="upload-progress">
          <progress max={100} value={percent} aria-label="Upload progress" />
          <span aria-live="polite">
            {busy ? `Uploading: ${finished} of ${rows.length} files done · ${percent}%` : `Done: ${finished} of ${rows.length} files`}
          </span>
        </div>
      )}
      {rows.length > 0 && (
        <ul className="upload-results" data-testid="upload-results" aria-live="polite">
          {rows.map((row, index) => (
            <li key={`${index}-${row.name}`} data-file={row.name} data-status={row.status}>
              <span className="upload-name">{row.name}</span>{" "}
              <span className={`badge status-${row.status}`}>{STATUS_TEXT[row.status]}</span>{" "}
              {row.status === "imported" && <Link href={`/articles/${row.articleId}`}>{row.title}</Link>}
              {row.status === "duplicate" && (
                <>
                  already stored as <Link href={`/articles/${row.articleId}`}>{row.title}</Link>
                </>
              )}
              {row.status === "rejected" && <span className="field-error">{row.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
