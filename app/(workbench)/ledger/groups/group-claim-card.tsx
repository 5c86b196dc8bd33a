import Link from "next/link";
import type { ReactNode } from "react";
import type { GroupClaimDetail } from "@/lib/grouping/group-claims";
import { VERDICTS } from "@/lib/review/rating-scale";
import { SOURCE_KIND_LABEL, STANCE_LABEL, STATUS_LABEL } from "../../articles/[id]/labels";
import { articlePlace, GroupFigure, shortTitle } from "./group-figure";

/**
 * One report of a fact: who said it where, the figure as read, the words in the article, and the
 * sources checked against it (an official statement, an NGO report…). `actions` are the editor's
 * controls for this claim, when there are any.
 */
export function GroupClaimCard({ claim, actions }: { claim: GroupClaimDetail; actions?: ReactNode }) {
  return (
    <article className="card group-claim" data-claim-id={claim.id} aria-label={`${claim.claimant ?? "Claim"} in ${claim.article.title}`}>
      <p className="group-claim-where">
        <Link href={`/articles/${claim.article.id}`} title={claim.article.title}>{shortTitle(claim.article.title, 90)}</Link>
        {articlePlace(claim.article) && <span className="muted small-print"> · {articlePlace(claim.article)}</span>}
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
        <span className={`status status--${claim.status.toLowerCase()}`}>{STATUS_LABEL[claim.status]}</span>
        {claim.rating && <span className="verdict">{VERDICTS[claim.rating].alternateName}</span>}
        {claim.eventDate && <span className="muted"> Event date {claim.eventDate}</span>}
      </p>
      {claim.sources.length === 0 ? (
        <p className="muted small-print">No sources.</p>
      ) : (
        <ul className="source-list">
          {claim.sources.map((s) => (
            <li key={s.source.id}>
              <a href={s.source.url} target="_blank" rel="noopener noreferrer">{s.source.title ?? s.source.url}</a>{" "}
              <span className="muted small-print">{SOURCE_KIND_LABEL[s.source.kind]} · {STANCE_LABEL[s.stance]}</span>
              {s.passage && <blockquote className="passage" lang="kk">{s.passage}</blockquote>}
            </li>
          ))}
        </ul>
      )}
      {actions}
    </article>
  );
}
