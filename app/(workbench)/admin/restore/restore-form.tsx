"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { MAX_BACKUP_UPLOAD_BYTES, MAX_BACKUP_UPLOAD_TEXT } from "@/lib/backup/limits";
import { formatBytes } from "@/lib/import/limits";
import { uploadBackup, type RestoreOutcome } from "./upload-backup";

type Phase = { name: "idle" } | { name: "uploading"; sent: number; total: number } | { name: "restoring" } | ({ name: "done" } & RestoreOutcome);

const COUNT_LABELS = [
  ["articles", "articles"],
  ["revisions", "article revisions"],
  ["claims", "claims"],
  ["sources", "sources"],
  ["reviews", "reviews"],
  ["comments", "comments"],
  ["groups", "claim groups"],
  ["exclusions", "pairs kept apart"],
  ["users", "accounts named"],
] as const;

export function RestoreForm() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const busy = phase.name === "uploading" || phase.name === "restoring";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setFileError(null);
    if (!file) return setFileError("Choose the backup file (.jsonl).");
    if (file.size > MAX_BACKUP_UPLOAD_BYTES)
      return setFileError(`This file is ${formatBytes(file.size)}; the limit here is ${MAX_BACKUP_UPLOAD_TEXT}. Restore it on the server with npm run restore -- FILE.`);

    setPhase({ name: "uploading", sent: 0, total: file.size });
    const outcome = await uploadBackup(
      file,
      (sent) => setPhase({ name: "uploading", sent, total: file.size }),
      () => setPhase({ name: "restoring" }),
    );
    setPhase({ name: "done", ...outcome });
  }

  const percent = phase.name === "uploading" && phase.total > 0 ? Math.round((phase.sent / phase.total) * 100) : 100;

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Restore a backup">
      <FormField id="restore-file" label="Backup file" error={fileError ?? undefined}>
        <input
          id="restore-file"
          ref={fileInput}
          type="file"
          accept=".jsonl,application/x-ndjson,application/jsonl"
          aria-invalid={!!fileError}
          aria-describedby={fileError ? fieldErrorId("restore-file") : undefined}
          disabled={busy}
        />
      </FormField>
      <button type="submit" disabled={busy}>{phase.name === "uploading" ? "Uploading…" : phase.name === "restoring" ? "Restoring…" : "Restore"}</button>

      {(phase.name === "uploading" || phase.name === "restoring") && (
        <div className="upload-progress" data-testid="restore-progress">
          <progress max={100} value={phase.name === "restoring" ? undefined : percent} aria-label="Restore progress" />
          <span aria-live="polite">
            {phase.name === "uploading" ? `Uploading · ${percent}%` : "Uploaded; checking every line and restoring. This takes a while for a large backup."}
          </span>
        </div>
      )}

      {phase.name === "done" && phase.status === "refused" && (
        <p className="form-error" role="alert" data-testid="restore-refused" data-line={phase.line ?? undefined}>
          {phase.message}
        </p>
      )}
      {phase.name === "done" && phase.status === "restored" && (
        <div className="notice" role="status" data-testid="restore-result">
          <p>Restored from {phase.result.lines.toLocaleString("en")} lines (exported {phase.result.exportedAt.slice(0, 16).replace("T", " ")} UTC):</p>
          <ul>
            {COUNT_LABELS.map(([key, label]) => (
              <li key={key} data-count={key}>
                {phase.result.counts[key].toLocaleString("en")} {label}
              </li>
            ))}
          </ul>
          {phase.result.usersMatched > 0 && <p>{phase.result.usersMatched} accounts already existed here and were kept as they are.</p>}
          {phase.result.articlesAdopted > 0 && <p>{phase.result.articlesAdopted} articles had the text of an article stored here that nobody had worked on yet (a seed article); that article was used, with the file's title and details.</p>}
          {phase.result.usersCreated.length > 0 && (
            <p>
              {phase.result.usersCreated.length} accounts were created <strong>deactivated</strong> and without a password:{" "}
              {phase.result.usersCreated.join(", ")}. <Link href="/admin/users">Activate them under Users</Link>.
            </p>
          )}
          <p className="muted small-print">sha256 of the file: {phase.result.sha256}</p>
        </div>
      )}
    </form>
  );
}
