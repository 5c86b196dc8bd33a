import type { ChartSeries } from "./chart-series";

/**
 * The chart's numbers as a table inside <details>: the text alternative for screen readers and
 * for anyone who wants the exact counts (a stacked bar's segments are hard to read off).
 */
export function ChartDataTable({ caption, rowHeading, rows, series }: { caption: string; rowHeading: string; rows: Record<string, string | number>[]; series: ChartSeries[]; }) {
  return (
    <details className="chart-data">
      <summary>Show the numbers</summary>
      <div className="chart-data-scroll">
        <table className="list">
          <caption className="muted">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              {series.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row.x)}>
                <th scope="row">{row.x}</th>
                {series.map((s) => (
                  <td key={s.key}>{Number(row[s.key] ?? 0).toLocaleString("en")}</td>
                ))}
                <td>{series.reduce((sum, s) => sum + Number(row[s.key] ?? 0), 0).toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
