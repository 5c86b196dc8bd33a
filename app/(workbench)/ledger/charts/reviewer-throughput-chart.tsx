"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { ReviewerThroughput } from "@/lib/ledger/ledger-stats";
import { bySeriesOrder, OTHERS_COLOR, PLOT_STYLE, REVIEWER_COLORS, TOOLTIP_ITEM, type ChartSeries } from "./chart-series";

/**
 * Decisions per reviewer per week, one line each. Beyond six lines the chart stops being
 * readable, so the busiest six are drawn and the rest summed into one "other reviewers" line;
 * the table under the chart lists every reviewer.
 */
export function ReviewerThroughputChart({ id, title, throughput, weekNames, table }: {
  id: string;
  title: string;
  throughput: ReviewerThroughput;
  /** Each week's Monday as the reader names it, from the server (see ChartDataTable). */
  weekNames: Record<string, string>;
  /** Every reviewer's numbers as a table, rendered on the server. */
  table: ReactNode;
}) {
  const t = useTranslations("charts");
  const locale = useLocale() as Locale;
  const weekStart = (week: unknown) => weekNames[String(week)] ?? String(week);
  const drawn = throughput.reviewers.slice(0, REVIEWER_COLORS.length);
  const rest = throughput.reviewers.slice(REVIEWER_COLORS.length);
  // Keys by position: reviewer ids are uuids, and a chart's data key is read as a property path.
  const lines: ChartSeries[] = drawn.map((reviewer, i) => ({ key: `r${i}`, label: reviewer.name, color: REVIEWER_COLORS[i] }));
  if (rest.length > 0) lines.push({ key: "others", label: t("otherReviewers", { count: rest.length }), color: OTHERS_COLOR });
  const points = throughput.weeks.map((week, w) => {
    const point: Record<string, string | number> = { x: week };
    drawn.forEach((reviewer, i) => (point[`r${i}`] = throughput.counts[reviewer.id][w]));
    if (rest.length > 0) point.others = rest.reduce((sum, reviewer) => sum + throughput.counts[reviewer.id][w], 0);
    return point;
  });

  return (
    <figure className="ledger-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="ledger-chart-title">
        {title}
      </figcaption>
      {throughput.reviewers.length === 0 ? (
        <p className="muted">{t("noDecisions", { weeks: throughput.weeks.length })}</p>
      ) : (
        <>
          <LineChart responsive data={points} className="ledger-chart-plot" style={PLOT_STYLE} title={title} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#d9dee5" />
            <XAxis dataKey="x" minTickGap={12} tickFormatter={weekStart} label={{ value: t("weekAxis"), position: "insideBottom", offset: -16 }} />
            <YAxis width="auto" allowDecimals={false} label={{ value: t("decisionsAxis"), angle: -90, position: "insideLeft" }} />
            <Tooltip itemStyle={TOOLTIP_ITEM} itemSorter={bySeriesOrder(lines)} labelFormatter={weekStart} formatter={(value) => formatNumber(Number(value), locale)} />
            <Legend position="top" itemSorter={bySeriesOrder(lines)} wrapperStyle={{ paddingBottom: 8 }} />
            {lines.map((line) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={line.label}
                stroke={line.color}
                strokeWidth={2}
                strokeDasharray={line.key === "others" ? "5 4" : undefined}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
          {table}
        </>
      )}
    </figure>
  );
}
