import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { ChartSeries } from "./chart-series";

/**
 * The chart's numbers as a table inside <details>: the text alternative for screen readers and
 * for anyone who wants the exact counts (a stacked bar's segments are hard to read off).
 * Rendered on the server, where dates and numbers read right in every language: a browser may
 * lack Kazakh locale data (Debian's Chromium formats a Kazakh month as "M09").
 */
export function ChartDataTable({ caption, rowHeading, rowLabels, rows, series }: {
  caption: string;
  rowHeading: string;
  /** Each row's month or week ("2026-03", "2026-03-02") as the reader names it. */
  rowLabels: Record<string, string>;
  rows: Record<string, string | number>[];
  series: ChartSeries[];
}) {
  const t = useTranslations("charts");
  const locale = useLocale() as Locale;
  return (
    <details className="chart-data">
      <summary>{t("showNumbers")}</summary>
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
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row.x)}>
                <th scope="row">{rowLabels[row.x] ?? row.x}</th>
                {series.map((s) => (
                  <td key={s.key}>{formatNumber(Number(row[s.key] ?? 0), locale)}</td>
                ))}
                <td>{formatNumber(series.reduce((sum, s) => sum + Number(row[s.key] ?? 0), 0), locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
