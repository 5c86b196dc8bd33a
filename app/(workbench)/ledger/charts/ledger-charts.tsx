import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/policy";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { loadLedgerStats, type LedgerStats } from "@/lib/ledger/ledger-stats";
import { ChartDataTable } from "./chart-data-table";
import { categorySeries, formatMonth, statusSeries, type ChartSeries } from "./chart-series";
import { MonthlyStackedChart, type MonthlyStackedChartProps } from "./monthly-stacked-chart";
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

  // Months and weeks are named here, not in the browser, which may lack Kazakh locale data.
  const monthNames = Object.fromEntries(stats.byStatus.map(({ month }) => [month, formatMonth(month, locale)]));
  const weekNames = Object.fromEntries(stats.throughput.weeks.map((week) => [week, formatDay(week, locale)]));
  const span = { from: monthNames[stats.byStatus[0].month], to: monthNames[stats.byStatus.at(-1)!.month] };
  const monthly = (id: string, title: string, months: MonthlyStackedChartProps["months"], series: ChartSeries[]) => (
    <MonthlyStackedChart id={id} title={title} months={months} series={series} monthNames={monthNames}>
      <ChartDataTable caption={title} rowHeading={t("month")} rowLabels={monthNames} rows={months.map(({ month, ...counts }) => ({ x: month, ...counts }))} series={series} />
    </MonthlyStackedChart>
  );
  const { throughput } = stats;
  const throughputTitle = t("throughputTitle", { weeks: throughput.weeks.length });
  return (
    <section className="ledger-charts" aria-label={t("label")} data-testid="ledger-charts">
      {monthly("ledger-chart-status", t("byStatusTitle", span), stats.byStatus, statusSeries((status) => l(`status.${status}`)))}
      {monthly("ledger-chart-category", t("byCategoryTitle", span), stats.byCategory, categorySeries((category) => l(`category.${category}`)))}
      <ReviewerThroughputChart
        id="ledger-chart-reviewers"
        title={throughputTitle}
        throughput={throughput}
        weekNames={weekNames}
        table={
          <ChartDataTable
            caption={throughputTitle}
            rowHeading={t("weekStarting")}
            rowLabels={weekNames}
            rows={throughput.weeks.map((week, w) => ({ x: week, ...Object.fromEntries(throughput.reviewers.map((reviewer, i) => [`all${i}`, throughput.counts[reviewer.id][w]])) }))}
            series={throughput.reviewers.map((reviewer, i) => ({ key: `all${i}`, label: reviewer.name, color: "" }))}
          />
        }
      />
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
