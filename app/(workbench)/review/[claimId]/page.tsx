import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can, decide, isAwaitingReview } from "@/lib/auth/policy";
import { formatFigure } from "@/lib/i18n/figure";
import { formatDay, formatMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { getClaimHistory } from "@/lib/review/get-claim-history";
import { getReviewClaim } from "@/lib/review/get-review-claim";
import { listAssignableReviewers } from "@/lib/review/list-assignable-reviewers";
import { listComments } from "@/lib/review/list-comments";
import { requirePageActor } from "../../../_lib/session";
import { eventLineText } from "../../activity/event-line";
import { CommentForm } from "./comment-form";
import { DecisionForm } from "./decision-form";
import { ReassignForm } from "./reassign-form";
import { ReopenForm } from "./reopen-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("claim.title") };
}

/**
 * A claim's review page. Everyone who reads articles may see it (the author follows their claim
 * here); the forms appear only for what the policy allows this person, and the server asks the
 * policy again whatever the page showed.
 */
async function ReviewClaimPage({ params }: { params: Promise<{ claimId: string }> }) {
  const { claimId } = await params;
  const actor = await requirePageActor(`/review/${claimId}`);
  const claim = await getReviewClaim({ actor, claimId });
  if (!claim) notFound();
  const ref = { authorId: claim.authorId, status: claim.status };
  const awaiting = isAwaitingReview(claim.status);
  const mayReassign = can(actor, "claim.reassign") && awaiting;
  const [comments, history, reviewers] = await Promise.all([
    listComments({ actor, claimId: claim.id }),
    can(actor, "audit.read") ? getClaimHistory({ actor, claimId: claim.id }) : Promise.resolve(null),
    mayReassign ? listAssignableReviewers({ actor, claim: ref }) : Promise.resolve([]),
  ]);
  const review = decide(actor, "claim.review", ref);
  const t = await getTranslations("review");
  const l = await getTranslations("labels");
  const a = await getTranslations("activity");
  const locale = (await getLocale()) as Locale;

  return (
    <div className="review-page" data-testid="review-page" data-claim-id={claim.id} data-version={claim.version}>
      <p className="muted">
        <Link href="/review">{t("queue.title")}</Link> · <Link href={`/articles/${claim.article.id}`}>{claim.article.title}</Link>
      </p>
      <h1>
        {t("claim.heading")} <span className={`status status--${claim.status.toLowerCase()}`} data-testid="review-status">{l(`status.${claim.status}`)}</span>
        {claim.rating && <span className="verdict" data-testid="review-verdict">{l(`verdict.${claim.rating}`)}</span>}
      </h1>

      <div className="review-columns">
        <section className="card">
          <h2>{t("claim.inArticle")}</h2>
          {claim.paragraph ? (
            <p className="review-paragraph" lang="kk" data-testid="review-paragraph">
              {claim.paragraph.before}
              <mark className={`claim claim--${claim.status.toLowerCase()}`}>{claim.paragraph.quote}</mark>
              {claim.paragraph.after}
            </p>
          ) : (
            <>
              <blockquote className="claim-quote" lang="kk">{claim.quote}</blockquote>
              <p className="muted">{t("claim.wordsLost")}</p>
            </>
          )}
          <dl className="facts">
            <dt>{t("claim.category")}</dt>
            <dd>{l(`category.${claim.category}`)}</dd>
            <dt>{t("claim.figure")}</dt>
            <dd>{formatFigure(claim, locale) || "—"} <span className="muted">({l(`qualifier.${claim.qualifier}`)})</span></dd>
            {claim.claimant && (<><dt>{t("claim.claimant")}</dt><dd>{claim.claimant}</dd></>)}
            {claim.eventDate && (<><dt>{t("claim.eventDate")}</dt><dd>{formatDay(claim.eventDate, locale)}</dd></>)}
            {claim.note && (<><dt>{t("claim.note")}</dt><dd>{claim.note}</dd></>)}
            <dt>{t("claim.taggedBy")}</dt>
            <dd>{claim.author.name}</dd>
            {claim.assignee && (<><dt>{t("claim.assignedTo")}</dt><dd>{claim.assignee.name}</dd></>)}
          </dl>
          <h3>{t("claim.sources")}</h3>
          {claim.sources.length === 0 ? (
            <p className="muted">{t("claim.noSources")}</p>
          ) : (
            <ul className="source-list">
              {claim.sources.map((s) => (
                <li key={s.source.id}>
                  <a href={s.source.url} target="_blank" rel="noopener noreferrer">{s.source.title ?? s.source.url}</a>{" "}
                  <span className="muted">{l(`sourceKind.${s.source.kind}`)} · {l(`stance.${s.stance}`)}</span>
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
              <h2>{t("claim.decide")}</h2>
              <DecisionForm key={claim.version} claimId={claim.id} version={claim.version} />
            </section>
          ) : (
            awaiting && claim.authorId === actor.id && <p className="notice" data-testid="own-claim">{t("claim.ownClaim")}</p>
          )}
          {can(actor, "claim.reopen", ref) && (
            <section className="card">
              <h2>{t("claim.reopen")}</h2>
              <ReopenForm key={claim.version} claimId={claim.id} version={claim.version} />
            </section>
          )}
          {mayReassign && (
            <section className="card">
              <h2>{t("claim.assign")}</h2>
              <ReassignForm key={claim.version} claimId={claim.id} version={claim.version} assigneeId={claim.assigneeId} reviewers={reviewers} />
            </section>
          )}

          <section className="card">
            <h2>{t("claim.comments", { count: comments.length })}</h2>
            {comments.length === 0 ? (
              <p className="muted">{t("claim.noComments")}</p>
            ) : (
              <ol className="comment-list" data-testid="comments">
                {comments.map((c) => (
                  <li key={c.id}>
                    <p className="comment-meta"><strong>{c.author.name}</strong> <time dateTime={c.createdAt.toISOString()} className="muted">{formatMoment(c.createdAt, locale)}</time></p>
                    <p className="comment-body">{c.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {can(actor, "claim.comment") && <CommentForm claimId={claim.id} />}
          </section>

          {history && (
            <section className="card">
              <h2>{t("claim.history")}</h2>
              <ol className="history-list" data-testid="history">
                {history.map((h) => (
                  <li key={h.id}>
                    <time dateTime={h.at.toISOString()} className="muted">{formatMoment(h.at, locale)}</time> <span>{eventLineText(h.line, a, l)}</span>
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

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page(props: { params: Promise<{ claimId: string }> }) {
  return (
    <ClientMessages route="/review/[claimId]">
      <ReviewClaimPage {...props} />
    </ClientMessages>
  );
}
