import type { Actor } from "@/lib/auth/policy";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { loadLedgerStats, type LedgerStats } from "@/lib/ledger/ledger-stats";
import { CATEGORY_SERIES, STATUS_SERIES } from "./chart-series";
import { MonthlyStackedChart } from "./monthly-stacked-chart";
import { ReviewerThroughputChart } from "./reviewer-throughput-chart";

/**
 * The ledger's charts for the current filter: claims per month by status and by category, and
 * each reviewer's decisions per week. Counting a million claims by month takes longer than a
 * page of the table, so the page renders this inside <Suspense> and the table never waits for it.
 */
export async function LedgerCharts({ actor, filter }: { actor: Actor; filter: LedgerFilter }) {
  let stats: LedgerStats;
  try {
    stats = await loadLedgerStats({ actor, filter });
  } catch (error) {
    // The charts are a view beside the table: when they fail the table must still stand.
    console.error("Loading the ledger's charts failed", error);
    return (
      <section className="ledger-charts" aria-label="Charts">
        <p className="form-error" role="alert">
          The charts could not be loaded. The table is not affected; reload the page to try again.
        </p>
      </section>
    );
  }

  if (stats.byStatus.length === 0) {
    return (
      <section className="ledger-charts" aria-label="Charts" data-testid="ledger-charts">
        <p className="muted">No claims match this filter, so there is nothing to chart.</p>
      </section>
    );
  }

  const span = `${stats.byStatus[0].month} to ${stats.byStatus.at(-1)!.month}`;
  return (
    <section className="ledger-charts" aria-label="Charts" data-testid="ledger-charts">
      <MonthlyStackedChart id="ledger-chart-status" title={`Claims by status per month, ${span}`} months={stats.byStatus} series={STATUS_SERIES} />
      <MonthlyStackedChart id="ledger-chart-category" title={`Claims by category per month, ${span}`} months={stats.byCategory} series={CATEGORY_SERIES} />
      <ReviewerThroughputChart
        id="ledger-chart-reviewers"
        title={`Review decisions per reviewer per week, last ${stats.throughput.weeks.length} weeks`}
        throughput={stats.throughput}
      />
    </section>
  );
}

/** What the page shows in the charts' place while they load. */
export function LedgerChartsLoading() {
  return (
    <section className="ledger-charts" aria-label="Charts" aria-busy="true">
      <p className="muted">Loading the charts…</p>
    </section>
  );
}
