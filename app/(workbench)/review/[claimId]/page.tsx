import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can, decide } from "@/lib/auth/policy";
import { getClaimHistory } from "@/lib/review/get-claim-history";
import { getReviewClaim } from "@/lib/review/get-review-claim";
import { listAssignableReviewers } from "@/lib/review/list-assignable-reviewers";
import { listComments } from "@/lib/review/list-comments";
import { VERDICTS } from "@/lib/review/rating-scale";
import { requirePageActor } from "../../../_lib/session";
import { CATEGORY_LABEL, figureSummary, QUALIFIER_LABEL, SOURCE_KIND_LABEL, STANCE_LABEL, STATUS_LABEL } from "../../articles/[id]/labels";
import { formatTime } from "../format-time";
import { CommentForm } from "./comment-form";
import { DecisionForm } from "./decision-form";
import { ReassignForm } from "./reassign-form";
import { ReopenForm } from "./reopen-form";

export const metadata: Metadata = { title: "Review claim" };

/**
 * A claim's review page. Everyone who reads articles may see it (the author follows their claim
 * here); the forms appear only for what the policy allows this person, and the server asks the
 * policy again whatever the page showed.
 */
export default async function ReviewClaimPage({ params }: { params: Promise<{ claimId: string }> }) {
  const { claimId } = await params;
  const actor = await requirePageActor(`/review/${claimId}`);
  const claim = await getReviewClaim({ actor, claimId });
  if (!claim) notFound();
  const ref = { authorId: claim.authorId, status: claim.status };
  const mayReassign = can(actor, "claim.reassign") && (claim.status === "SUBMITTED" || claim.status === "DISPUTED");
  const [comments, history, reviewers] = await Promise.all([
    listComments({ actor, claimId: claim.id }),
    can(actor, "audit.read") ? getClaimHistory({ actor, claimId: claim.id }) : Promise.resolve(null),
    mayReassign ? listAssignableReviewers({ actor, claim: ref }) : Promise.resolve([]),
  ]);
  const review = decide(actor, "claim.review", ref);
  const awaiting = claim.status === "SUBMITTED" || claim.status === "DISPUTED";

  return (
    <div className="review-page" data-testid="review-page" data-claim-id={claim.id} data-version={claim.version}>
      <p className="muted">
        <Link href="/review">Review queue</Link> · <Link href={`/articles/${claim.article.id}`}>{claim.article.title}</Link>
      </p>
      <h1>
        Claim <span className={`status status--${claim.status.toLowerCase()}`} data-testid="review-status">{STATUS_LABEL[claim.status]}</span>
        {claim.rating && <span className="verdict" data-testid="review-verdict">{VERDICTS[claim.rating].alternateName}</span>}
      </h1>

      <div className="review-columns">
        <section className="card">
          <h2>In the article</h2>
          {claim.paragraph ? (
            <p className="review-paragraph" lang="kk" data-testid="review-paragraph">
              {claim.paragraph.before}
              <mark className={`claim claim--${claim.status.toLowerCase()}`}>{claim.paragraph.quote}</mark>
              {claim.paragraph.after}
            </p>
          ) : (
            <>
              <blockquote className="claim-quote" lang="kk">{claim.quote}</blockquote>
              <p className="muted">The article&apos;s text changed and this claim&apos;s words could not be found in it again.</p>
            </>
          )}
          <dl className="facts">
            <dt>Category</dt>
            <dd>{CATEGORY_LABEL[claim.category]}</dd>
            <dt>Figure</dt>
            <dd>{figureSummary(claim) || "—"} <span className="muted">({QUALIFIER_LABEL[claim.qualifier]})</span></dd>
            {claim.claimant && (<><dt>Claimant</dt><dd>{claim.claimant}</dd></>)}
            {claim.eventDate && (<><dt>Event date</dt><dd>{claim.eventDate}</dd></>)}
            {claim.note && (<><dt>Note</dt><dd>{claim.note}</dd></>)}
            <dt>Tagged by</dt>
            <dd>{claim.author.name}</dd>
            {claim.assignee && (<><dt>Assigned to</dt><dd>{claim.assignee.name}</dd></>)}
          </dl>
          <h3>Sources</h3>
          {claim.sources.length === 0 ? (
            <p className="muted">No sources.</p>
          ) : (
            <ul className="source-list">
              {claim.sources.map((s) => (
                <li key={s.source.id}>
                  <a href={s.source.url} target="_blank" rel="noopener noreferrer">{s.source.title ?? s.source.url}</a>{" "}
                  <span className="muted">{SOURCE_KIND_LABEL[s.source.kind]} · {STANCE_LABEL[s.stance]}</span>
                  {s.passage && <blockquote className="passage" lang="kk">{s.passage}</blockquote>}
                  {s.note && <p className="muted small-print">{s.note}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>

        <aside className="stack-sections">
          {review.allowed ? (
            <section className="card">
              <h2>Decide</h2>
              <DecisionForm key={claim.version} claimId={claim.id} version={claim.version} />
            </section>
          ) : (
            awaiting && claim.authorId === actor.id && <p className="notice" data-testid="own-claim">You wrote this claim, so another person reviews it.</p>
          )}
          {can(actor, "claim.reopen", ref) && (
            <section className="card">
              <h2>Re-open</h2>
              <ReopenForm key={claim.version} claimId={claim.id} version={claim.version} />
            </section>
          )}
          {mayReassign && (
            <section className="card">
              <h2>Assign</h2>
              <ReassignForm key={claim.version} claimId={claim.id} version={claim.version} assigneeId={claim.assigneeId} reviewers={reviewers} />
            </section>
          )}

          <section className="card">
            <h2>Comments ({comments.length})</h2>
            {comments.length === 0 ? (
              <p className="muted">No comments yet.</p>
            ) : (
              <ol className="comment-list" data-testid="comments">
                {comments.map((c) => (
                  <li key={c.id}>
                    <p className="comment-meta"><strong>{c.author.name}</strong> <time dateTime={c.createdAt.toISOString()} className="muted">{formatTime(c.createdAt)}</time></p>
                    <p className="comment-body">{c.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {can(actor, "claim.comment") && <CommentForm claimId={claim.id} />}
          </section>

          {history && (
            <section className="card">
              <h2>History</h2>
              <ol className="history-list" data-testid="history">
                {history.map((h) => (
                  <li key={h.id}>
                    <time dateTime={h.at.toISOString()} className="muted">{formatTime(h.at)}</time> <span>{h.line}</span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
