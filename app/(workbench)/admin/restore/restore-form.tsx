"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { useTranslateMessage } from "@/app/_components/translated-message";
import type { ShownMessage } from "@/lib/i18n/coded-message";
import { MAX_BACKUP_UPLOAD_BYTES } from "@/lib/backup/limits";
import { formatMoment, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { uploadBackup, type RestoreOutcome } from "./upload-backup";

type Phase = { name: "idle" } | { name: "uploading"; sent: number; total: number } | { name: "restoring" } | ({ name: "done" } & RestoreOutcome);

const COUNTS = ["articles", "revisions", "claims", "sources", "reviews", "comments", "groups", "exclusions", "users"] as const;

const MEBIBYTE = 1024 * 1024;
const GIBIBYTE = 1024 * MEBIBYTE;

export function RestoreForm() {
  const t = useTranslations("restore");
  const translate = useTranslateMessage();
  const locale = useLocale() as Locale;
  const limit = t("gigabytes", { size: formatNumber(MAX_BACKUP_UPLOAD_BYTES / GIBIBYTE, locale) });
  // A refusal of a line is that line's reason inside "Line N: … Nothing was restored.", the line
  // as the server wrote it (no digit groups).
  const refusalText = (message: ShownMessage, line: number | null) =>
    line === null ? translate(message) : t("refusedAtLine", { line: String(line), reason: translate(message) });
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const busy = phase.name === "uploading" || phase.name === "restoring";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setFileError(null);
    if (!file) return setFileError(t("fileRequired"));
    if (file.size > MAX_BACKUP_UPLOAD_BYTES) {
      const size = t("megabytes", { size: formatNumber(file.size / MEBIBYTE, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
      return setFileError(t("tooLarge", { size, limit }));
    }

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
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t("title")}>
      <FormField id="restore-file" label={t("fileLabel")} error={fileError ?? undefined}>
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
      <button type="submit" disabled={busy}>{phase.name === "uploading" ? t("uploading") : phase.name === "restoring" ? t("restoring") : t("restore")}</button>

      {(phase.name === "uploading" || phase.name === "restoring") && (
        <div className="upload-progress" data-testid="restore-progress">
          <progress max={100} value={phase.name === "restoring" ? undefined : percent} aria-label={t("progressLabel")} />
          <span aria-live="polite">
            {phase.name === "uploading" ? t("uploadingPercent", { percent }) : t("restoringNote")}
          </span>
        </div>
      )}

      {phase.name === "done" && phase.status !== "restored" && (
        <p className="form-error" role="alert" data-testid="restore-refused" data-line={phase.status === "refused" ? (phase.line ?? undefined) : undefined}>
          {phase.status === "refused"
            ? refusalText(phase.message, phase.line)
            : phase.status === "unanswered"
              ? t("serverAnswered", { status: String(phase.httpStatus) })
              : t("interrupted")}
        </p>
      )}
      {phase.name === "done" && phase.status === "restored" && (
        <div className="notice" role="status" data-testid="restore-result">
          <p>{t("restoredFrom", { lines: phase.result.lines, exportedAt: formatMoment(new Date(phase.result.exportedAt), locale) })}</p>
          <ul>
            {COUNTS.map((key) => (
              <li key={key} data-count={key}>
                {t(`counts.${key}`, { count: phase.result.counts[key] })}
              </li>
            ))}
          </ul>
          {phase.result.usersMatched > 0 && <p>{t("usersMatched", { count: phase.result.usersMatched })}</p>}
          {phase.result.articlesAdopted > 0 && <p>{t("articlesAdopted", { count: phase.result.articlesAdopted })}</p>}
          {phase.result.usersCreated.length > 0 && (
            <p>
              {t.rich("usersCreated", {
                count: phase.result.usersCreated.length,
                names: phase.result.usersCreated.join(", "),
                strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
                link: (chunks: ReactNode) => <Link href="/admin/users">{chunks}</Link>,
              })}
            </p>
          )}
          <p className="muted small-print">{t("sha256", { sha256: phase.result.sha256 })}</p>
        </div>
      )}
    </form>
  );
}
