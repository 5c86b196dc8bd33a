"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ClaimDetails as Details } from "@/lib/claims/get-claim-details";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import { formatFigure } from "@/lib/i18n/figure";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

interface ClaimDetailsProps {
  claim: ArticleClaim;
  /** Read when the claim is opened; null while loading. */
  details: Details | null;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onSubmitForReview: () => void;
  /** The review thread, shown above the buttons so the reason for a return is read before resubmitting. */
  thread?: ReactNode;
}

// Key caps, printed in Latin on Kazakh and Russian keyboards alike.
const DELETE_KEY = "Del";

/** The buttons follow claim.permissions, the policy's answers sent by the server with the claim. */
export function ClaimDetails({ claim, details, busy, onEdit, onDelete, onSubmitForReview, thread }: ClaimDetailsProps) {
  const t = useTranslations("workbench");
  const l = useTranslations("labels");
  const locale = useLocale() as Locale;
  const { permissions } = claim;
  return (
    <section className="claim-details" data-testid="claim-details" data-claim-id={claim.id}>
      <p>
        <span className={`status status--${claim.status.toLowerCase()}`}>{l(`status.${claim.status}`)}</span>
        {claim.anchorStatus === "ORPHANED" && <span className="status status--orphaned">{t("claim.orphaned")}</span>}
        {claim.rating && <span className="verdict" data-testid="claim-verdict">{l(`verdict.${claim.rating}`)}</span>}
      </p>
      <blockquote className="claim-quote" lang="kk">{claim.quote}</blockquote>
      <dl className="facts">
        <dt>{t("claim.category")}</dt>
        <dd>{l(`category.${claim.category}`)}</dd>
        <dt>{t("claim.figure")}</dt>
        <dd>{formatFigure(claim, locale) || "—"} <span className="muted">({l(`qualifier.${claim.qualifier}`)})</span></dd>
        {claim.claimant && (
          <>
            <dt>{t("claim.claimant")}</dt>
            <dd>{claim.claimant}</dd>
          </>
        )}
        {details?.eventDate && (
          <>
            <dt>{t("claim.eventDate")}</dt>
            <dd>{formatDay(details.eventDate, locale)}</dd>
          </>
        )}
        {details?.note && (
          <>
            <dt>{t("claim.note")}</dt>
            <dd>{details.note}</dd>
          </>
        )}
        <dt>{t("claim.taggedBy")}</dt>
        <dd>{details?.author.name ?? "…"}</dd>
      </dl>
      <p>
        <Link href={`/review/${claim.id}`}>{permissions.canDecide ? t("claim.decide") : t("claim.history")}</Link>
      </p>
      <h3>{t("claim.sources")}</h3>
      {!details ? (
        <p className="muted">{t("panel.loading")}</p>
      ) : details.sources.length === 0 ? (
        <p className="muted">{t("claim.noSources")}</p>
      ) : (
        <ul className="source-list">
          {details.sources.map((s) => (
            <li key={s.source.id}>
              <a href={s.source.url} target="_blank" rel="noopener noreferrer">{s.source.title ?? s.source.url}</a>{" "}
              <span className="muted">
                {l(`sourceKind.${s.source.kind}`)} · {l(`stance.${s.stance}`)}
              </span>
              {s.passage && <blockquote className="passage">{s.passage}</blockquote>}
            </li>
          ))}
        </ul>
      )}
      {thread}
      <div className="field-row">
        {permissions.canEdit && (
          <button type="button" className="secondary" disabled={busy} onClick={onEdit}>{t("claim.edit")} <kbd>e</kbd></button>
        )}
        {permissions.canSubmit && (
          <button type="button" disabled={busy} onClick={onSubmitForReview}>{t("claim.submit")} <kbd>s</kbd></button>
        )}
        {permissions.canDelete && (
          <button type="button" className="secondary danger" disabled={busy} onClick={onDelete}>{t("claim.delete")} <kbd>{DELETE_KEY}</kbd></button>
        )}
      </div>
    </section>
  );
}
