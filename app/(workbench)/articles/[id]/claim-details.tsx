"use client";

import Link from "next/link";
import type { ClaimDetails as Details } from "@/lib/claims/get-claim-details";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import { VERDICTS } from "@/lib/review/rating-scale";
import { CATEGORY_LABEL, figureSummary, QUALIFIER_LABEL, SOURCE_KIND_LABEL, STANCE_LABEL, STATUS_LABEL } from "./labels";

interface ClaimDetailsProps {
  claim: ArticleClaim;
  /** Read when the claim is opened; null while loading. */
  details: Details | null;
  canChange: boolean;
  canSubmit: boolean;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onSubmitForReview: () => void;
}

export function ClaimDetails({ claim, details, canChange, canSubmit, busy, onEdit, onDelete, onSubmitForReview }: ClaimDetailsProps) {
  return (
    <section className="claim-details" data-testid="claim-details" data-claim-id={claim.id}>
      <p>
        <span className={`status status--${claim.status.toLowerCase()}`}>{STATUS_LABEL[claim.status]}</span>
        {claim.anchorStatus === "ORPHANED" && <span className="status status--orphaned">orphaned</span>}
        {claim.rating && <span className="verdict" data-testid="claim-verdict">{VERDICTS[claim.rating].alternateName}</span>}
      </p>
      <blockquote className="claim-quote" lang="kk">{claim.quote}</blockquote>
      <dl className="facts">
        <dt>Category</dt>
        <dd>{CATEGORY_LABEL[claim.category]}</dd>
        <dt>Figure</dt>
        <dd>{figureSummary(claim) || "—"} <span className="muted">({QUALIFIER_LABEL[claim.qualifier]})</span></dd>
        {claim.claimant && (
          <>
            <dt>Claimant</dt>
            <dd>{claim.claimant}</dd>
          </>
        )}
        {details?.eventDate && (
          <>
            <dt>Event date</dt>
            <dd>{details.eventDate}</dd>
          </>
        )}
        {details?.note && (
          <>
            <dt>Note</dt>
            <dd>{details.note}</dd>
          </>
        )}
        <dt>Tagged by</dt>
        <dd>{details?.author.name ?? "…"}</dd>
      </dl>
      <p><Link href={`/review/${claim.id}`}>History and comments</Link></p>
      <h3>Sources</h3>
      {!details ? (
        <p className="muted">Loading…</p>
      ) : details.sources.length === 0 ? (
        <p className="muted">No sources yet.</p>
      ) : (
        <ul className="source-list">
          {details.sources.map((s) => (
            <li key={s.source.id}>
              <a href={s.source.url} target="_blank" rel="noopener noreferrer">{s.source.title ?? s.source.url}</a>{" "}
              <span className="muted">
                {SOURCE_KIND_LABEL[s.source.kind]} · {STANCE_LABEL[s.stance]}
              </span>
              {s.passage && <blockquote className="passage">{s.passage}</blockquote>}
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        {canChange && (
          <button type="button" className="secondary" disabled={busy} onClick={onEdit}>Edit <kbd>e</kbd></button>
        )}
        {canSubmit && (
          <button type="button" disabled={busy} onClick={onSubmitForReview}>Submit for review <kbd>s</kbd></button>
        )}
        {canChange && (
          <button type="button" className="secondary danger" disabled={busy} onClick={onDelete}>Delete <kbd>Del</kbd></button>
        )}
      </div>
    </section>
  );
}
