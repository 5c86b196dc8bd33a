import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { countMyClaimsByStatus, encodeMyClaimsCursor, listMyClaimArticles, listMyClaims, MY_CLAIM_STATES } from "@/lib/claims/list-my-claims";
import { MY_CLAIMS_FIELDS, parseMyClaimsQuery } from "@/lib/claims/my-claims-query";
import type { SearchParams } from "@/lib/core/search-params";
import { formatFigure } from "@/lib/i18n/figure";
import { formatMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { requirePageActor } from "../../_lib/session";
import { MyClaimsFilters } from "./my-claims-filters";

export async function generateMetadata() {
  const t = await getTranslations("myClaims");
  return { title: t("title") };
}

/** The claims the signed-in person tagged, by state, each linking to its place on the article. */
export default async function MyClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/claims");
  const t = await getTranslations("myClaims");
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  const parsed = parseMyClaimsQuery(params);
  const [counts, articles, mine] = await Promise.all([
    countMyClaimsByStatus({ actor }),
    listMyClaimArticles({ actor }),
    parsed.ok ? listMyClaims({ actor, filters: parsed.filters, after: parsed.after }) : null,
  ]);
  const total = MY_CLAIM_STATES.reduce((sum, s) => sum + counts[s], 0);
  const shared = new URLSearchParams();
  for (const field of MY_CLAIMS_FIELDS) {
    const value = parsed.values[field];
    if (field !== "after" && value) shared.set(field, value);
  }
  // The state links keep the article and category chosen.
  const withState = (status: string | null) => {
    const query = new URLSearchParams(shared);
    query.delete("status");
    if (status) query.set("status", status);
    return query.size > 0 ? `/claims?${query}` : "/claims";
  };
  const current = parsed.ok ? parsed.filters.statuses : undefined;
  const only = current?.length === 1 ? current[0] : null;

  return (
    <>
      <div className="page-heading">
        <h1>{t("title")}</h1>
        <span className="muted">{t("intro")}</span>
      </div>
      <nav aria-label={t("states")}>
        <ul className="state-links">
          <li>
            <Link href={withState(null)} aria-current={parsed.ok && !current?.length ? "page" : undefined}>{t("allStates", { count: total })}</Link>
          </li>
          {MY_CLAIM_STATES.map((s) => (
            <li key={s}>
              <Link href={withState(s)} aria-current={only === s ? "page" : undefined}>{t("stateCount", { state: l(`status.${s}`), count: counts[s] })}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <MyClaimsFilters values={parsed.values} errors={parsed.ok ? {} : parsed.errors} articles={articles} />
      {!mine ? (
        <p className="form-error" role="alert">{t("filtersInvalid")}</p>
      ) : mine.items.length === 0 ? (
        <p className="muted">{parsed.ok && parsed.after ? t("noMore") : total === 0 ? t("empty") : t("noMatch")}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="list" data-testid="my-claims">
              <thead>
                <tr>
                  <th>{t("claim")}</th>
                  <th>{t("article")}</th>
                  <th>{t("updated")}</th>
                  <th>{t("reviewerNote")}</th>
                </tr>
              </thead>
              <tbody>
                {mine.items.map((item) => (
                  <tr key={item.id} data-claim-id={item.id} data-status={item.status}>
                    <td>
                      <Link href={`/articles/${item.articleId}?claim=${item.id}`} lang="kk">{item.quote}</Link>
                      <div className="muted small-print">
                        {l(`category.${item.category}`)}: {formatFigure(item, locale) || "—"} · <span className={`status status--${item.status.toLowerCase()}`}>{l(`status.${item.status}`)}</span>
                      </div>
                    </td>
                    <td>{item.articleTitle}</td>
                    <td>
                      <time dateTime={item.updatedAt.toISOString()}>{formatMoment(item.updatedAt, locale)}</time>
                    </td>
                    <td>{item.reviewComment && t("noteBy", { name: item.reviewerName ?? "", comment: item.reviewComment })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label={t("pages")}>
            {parsed.ok && parsed.after && <Link href={withState(parsed.values.status ?? null)}>{t("firstPage")}</Link>}
            {mine.next && <Link href={`/claims?${new URLSearchParams([...shared, ["after", encodeMyClaimsCursor(mine.next)]])}`}>{t("nextPage")}</Link>}
          </nav>
        </>
      )}
    </>
  );
}
