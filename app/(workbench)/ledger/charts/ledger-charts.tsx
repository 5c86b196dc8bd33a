import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/policy";
import type { Locale } from "@/lib/i18n/locales";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { loadLedgerStats, type LedgerStats } from "@/lib/ledger/ledger-stats";
import { categorySeries, formatMonth, statusSeries } from "./chart-series";
import { MonthlyStackedChart } from "./monthly-stacked-chart";
import { ReviewerThroughputChart } from "./reviewer-throughput-chart";

/**
 * The ledger's charts for the current filter: claims per month by status and by category, and
 * each reviewer's decisions per week. Counting a million claims by month takes longer than a
 * page of the table, so the page renders this inside <Suspense> and the table never waits for it.
 */
export async function LedgerCharts({ actor, filter }: { actor: Actor; filter: LedgerFilter }) {
  const t = await getTranslations("charts");
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  let stats: LedgerStats;
  try {
    stats = await loadLedgerStats({ actor, filter });
  } catch (error) {
    // The charts are a view beside the table: when they fail the table must still stand.
    console.error("Loading the ledger's charts failed", error);
    return (
      <section className="ledger-charts" aria-label={t("label")}>
        <p className="form-error" role="alert">
          {t("loadFailed")}
        </p>
      </section>
    );
  }

  if (stats.byStatus.length === 0) {
    return (
      <section className="ledger-charts" aria-label={t("label")} data-testid="ledger-charts">
        <p className="muted">{t("empty")}</p>
      </section>
    );
  }

  const span = { from: formatMonth(stats.byStatus[0].month, locale), to: formatMonth(stats.byStatus.at(-1)!.month, locale) };
  return (
    <section className="ledger-charts" aria-label={t("label")} data-testid="ledger-charts">
      <MonthlyStackedChart
        id="ledger-chart-status"
        title={t("byStatusTitle", span)}
        months={stats.byStatus}
        series={statusSeries((status) => l(`status.${status}`))}
      />
      <MonthlyStackedChart
        id="ledger-chart-category"
        title={t("byCategoryTitle", span)}
        months={stats.byCategory}
        series={categorySeries((category) => l(`category.${category}`))}
      />
      <ReviewerThroughputChart id="ledger-chart-reviewers" title={t("throughputTitle", { weeks: stats.throughput.weeks.length })} throughput={stats.throughput} />
    </section>
  );
}

/** What the page shows in the charts' place while they load. */
export function LedgerChartsLoading() {
  const t = useTranslations("charts");
  return (
    <section className="ledger-charts" aria-label={t("label")} aria-busy="true">
      <p className="muted">{t("loading")}</p>
    </section>
  );
}
