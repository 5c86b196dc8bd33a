import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { formatFigure } from "@/lib/i18n/figure";
import { formatMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { encodeQueueCursor, listReviewQueue } from "@/lib/review/list-review-queue";
import { listQueueChoices } from "@/lib/review/list-queue-choices";
import { parseQueueQuery, QUEUE_FIELDS } from "@/lib/review/queue-query";
import type { SearchParams } from "@/lib/core/search-params";
import { requirePageActor } from "../../_lib/session";
import { waitedSince } from "./format-time";
import { QueueFilters } from "./queue-filters";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("queue.title") };
}

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/review");
  const t = await getTranslations("review");
  if (!can(actor, "review.queue")) {
    return (
      <>
        <h1>{t("queue.title")}</h1>
        <p className="form-error" role="alert">{t("queue.refused")}</p>
      </>
    );
  }
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  const parsed = parseQueueQuery(params);
  const choices = await listQueueChoices({ actor });
  const queue = parsed.ok ? await listReviewQueue({ actor, filters: parsed.filters, after: parsed.after }) : null;
  const shared = new URLSearchParams();
  for (const field of QUEUE_FIELDS) {
    const value = parsed.values[field];
    if (field !== "after" && value) shared.set(field, value);
  }
  const now = new Date();
  const waitedFor = (queuedAt: Date) => {
    const waited = waitedSince(queuedAt, now);
    return t(`queue.waited.${waited.unit}`, { count: waited.count });
  };

  return (
    <>
      <div className="page-heading">
        <h1>{t("queue.title")}</h1>
        <span className="muted">{t("queue.order")}</span>
      </div>
      <QueueFilters values={parsed.values} errors={parsed.ok ? {} : parsed.errors} articles={choices.articles} authors={choices.authors} />
      {!queue ? (
        <p className="form-error" role="alert">{t("queue.filtersInvalid")}</p>
      ) : queue.items.length === 0 ? (
        <p className="muted">{parsed.ok && parsed.after ? t("queue.noMore") : shared.size > 0 ? t("queue.noMatch") : t("queue.empty")}</p>
      ) : (
        <>
          <div className="table-scroll">
          <table className="list" data-testid="review-queue">
            <thead>
              <tr>
                <th>{t("queue.claim")}</th>
                <th>{t("queue.article")}</th>
                <th>{t("queue.taggedBy")}</th>
                <th>{t("queue.waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => (
                <tr key={item.id} data-claim-id={item.id}>
                  <td>
                    <Link href={`/review/${item.id}`} lang="kk">{item.quote}</Link>
                    <div className="muted small-print">
                      {l(`category.${item.category}`)}: {formatFigure(item, locale) || "—"} · {l(`status.${item.status}`)}
                      {item.assigneeName && <> · {item.assigneeId === actor.id ? t("queue.assignedToYou") : t("queue.assignedTo", { name: item.assigneeName })}</>}
                    </div>
                  </td>
                  <td>{item.articleTitle}</td>
                  <td>{item.authorName}</td>
                  <td>
                    <time dateTime={item.queuedAt.toISOString()} title={formatMoment(item.queuedAt, locale)}>{waitedFor(item.queuedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <nav className="pagination" aria-label={t("queue.pages")}>
            {parsed.ok && parsed.after && <Link href={`/review?${shared}`}>{t("queue.firstPage")}</Link>}
            {queue.next && <Link href={`/review?${new URLSearchParams([...shared, ["after", encodeQueueCursor(queue.next)]])}`}>{t("queue.nextPage")}</Link>}
          </nav>
        </>
      )}
    </>
  );
}
