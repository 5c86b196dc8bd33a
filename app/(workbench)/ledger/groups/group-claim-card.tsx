import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { GroupClaimDetail } from "@/lib/grouping/group-claims";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { articlePlace, GroupFigure, shortTitle } from "./group-figure";

/**
 * One report of a fact: who said it where, the figure as read, the words in the article, and the
 * sources checked against it (an official statement, an NGO report…). `actions` are the editor's
 * controls for this claim, when there are any.
 */
export async function GroupClaimCard({ claim, actions }: { claim: GroupClaimDetail; actions?: ReactNode }) {
  const t = await getTranslations("groups");
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  const place = articlePlace(claim.article, locale);
  const label = claim.claimant ? t("card.labelWithClaimant", { claimant: claim.claimant, title: claim.article.title }) : t("card.label", { title: claim.article.title });
  return (
    <article className="card group-claim" data-claim-id={claim.id} aria-label={label}>
      <p className="group-claim-where">
        <Link href={`/articles/${claim.article.id}`} title={claim.article.title}>{shortTitle(claim.article.title, 90)}</Link>
        {place && <span className="muted small-print"> · {place}</span>}
      </p>
      <p className="group-claim-figure">
        <strong><GroupFigure claim={claim} /></strong>
        {claim.claimant && <> — {claim.claimant}</>}
      </p>
      <blockquote className="claim-quote" lang="kk">
        <span className="muted">…{claim.prefix}</span>
        <Link href={`/review/${claim.id}`}>{claim.quote}</Link>
        <span className="muted">{claim.suffix}…</span>
      </blockquote>
      <p className="small-print">
        <span className={`status status--${claim.status.toLowerCase()}`}>{l(`status.${claim.status}`)}</span>
        {claim.rating && <span className="verdict">{l(`verdict.${claim.rating}`)}</span>}
        {claim.eventDate && <span className="muted"> {t("card.eventDate", { date: formatDay(claim.eventDate, locale) })}</span>}
      </p>
      {claim.sources.length === 0 ? (
        <p className="muted small-print">{t("card.noSources")}</p>
      ) : (
        <ul className="source-list">
          {claim.sources.map((s) => (
            <li key={s.source.id}>
              <a href={s.source.url} target="_blank" rel="noopener noreferrer">{s.source.title ?? s.source.url}</a>{" "}
              <span className="muted small-print">{l(`sourceKind.${s.source.kind}`)} · {l(`stance.${s.stance}`)}</span>
              {s.passage && <blockquote className="passage" lang="kk">{s.passage}</blockquote>}
            </li>
          ))}
        </ul>
      )}
      {actions}
    </article>
  );
}
