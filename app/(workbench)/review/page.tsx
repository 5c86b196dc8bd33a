import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { encodeQueueCursor, listReviewQueue } from "@/lib/review/list-review-queue";
import { listQueueChoices } from "@/lib/review/list-queue-choices";
import { parseQueueQuery, QUEUE_FIELDS } from "@/lib/review/queue-query";
import type { SearchParams } from "@/lib/review/search-params";
import { requirePageActor } from "../../_lib/session";
import { CATEGORY_LABEL, figureSummary, STATUS_LABEL } from "../articles/[id]/labels";
import { formatTime, waitedSince } from "./format-time";
import { QueueFilters } from "./queue-filters";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/review");
  if (!can(actor, "review.queue")) {
    return (
      <>
        <h1>Review queue</h1>
        <p className="form-error" role="alert">The review queue is for reviewers. Your claims&apos; reviews show on each claim&apos;s page.</p>
      </>
    );
  }
  const parsed = parseQueueQuery(params);
  const choices = await listQueueChoices({ actor });
  const queue = parsed.ok ? await listReviewQueue({ actor, filters: parsed.filters, after: parsed.after }) : null;
  const shared = new URLSearchParams();
  for (const field of QUEUE_FIELDS) {
    const value = parsed.values[field];
    if (field !== "after" && value) shared.set(field, value);
  }
  const now = new Date();

  return (
    <>
      <div className="page-heading">
        <h1>Review queue</h1>
        <span className="muted">Oldest first; claims assigned to you lead.</span>
      </div>
      <QueueFilters values={parsed.values} errors={parsed.ok ? {} : parsed.errors} articles={choices.articles} authors={choices.authors} />
      {!queue ? (
        <p className="form-error" role="alert">These filters cannot be applied: correct the fields marked above.</p>
      ) : queue.items.length === 0 ? (
        <p className="muted">{parsed.ok && parsed.after ? "No more claims." : shared.size > 0 ? "No claim awaiting your review matches these filters." : "Nothing awaits your review."}</p>
      ) : (
        <>
          <table className="list" data-testid="review-queue">
            <thead>
              <tr>
                <th>Claim</th>
                <th>Article</th>
                <th>Tagged by</th>
                <th>Waiting</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => (
                <tr key={item.id} data-claim-id={item.id}>
                  <td>
                    <Link href={`/review/${item.id}`} lang="kk">{item.quote}</Link>
                    <div className="muted small-print">
                      {CATEGORY_LABEL[item.category]}: {figureSummary(item) || "—"} · {STATUS_LABEL[item.status]}
                      {item.assigneeName && <> · assigned to {item.assigneeId === actor.id ? "you" : item.assigneeName}</>}
                    </div>
                  </td>
                  <td>{item.articleTitle}</td>
                  <td>{item.authorName}</td>
                  <td>
                    <time dateTime={item.queuedAt.toISOString()} title={formatTime(item.queuedAt)}>{waitedSince(item.queuedAt, now)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pagination" aria-label="Pages">
            {parsed.ok && parsed.after && <Link href={`/review?${shared}`}>First page</Link>}
            {queue.next && <Link href={`/review?${new URLSearchParams([...shared, ["after", encodeQueueCursor(queue.next)]])}`}>Next page</Link>}
          </nav>
        </>
      )}
    </>
  );
}
