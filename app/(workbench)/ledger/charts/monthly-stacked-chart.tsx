"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { bySeriesOrder, PLOT_STYLE, TOOLTIP_ITEM, type ChartSeries } from "./chart-series";

export interface MonthlyStackedChartProps {
  id: string;
  title: string;
  /** One row per month ("2026-03"), with a count per series key. */
  months: ({ month: string } & Record<string, number | string>)[];
  series: ChartSeries[];
  /** Each month as the reader names it, from the server (see ChartDataTable). */
  monthNames: Record<string, string>;
  /** The numbers as a table, rendered on the server. */
  children: ReactNode;
}

/** Claims per month as stacked bars, one stack segment per series (a status, a category). */
export function MonthlyStackedChart({ id, title, months, series, monthNames, children }: MonthlyStackedChartProps) {
  const t = useTranslations("charts");
  const locale = useLocale() as Locale;
  const rows = months.map(({ month, ...counts }) => ({ x: month, ...counts }));
  const monthName = (month: unknown) => monthNames[String(month)] ?? String(month);
  return (
    <figure className="ledger-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="ledger-chart-title">
        {title}
      </figcaption>
      <BarChart responsive data={rows} className="ledger-chart-plot" style={PLOT_STYLE} title={title} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
        <CartesianGrid vertical={false} stroke="#d9dee5" />
        <XAxis dataKey="x" minTickGap={12} tickFormatter={monthName} label={{ value: t("monthAxis"), position: "insideBottom", offset: -16 }} />
        <YAxis width="auto" allowDecimals={false} label={{ value: t("claimsAxis"), angle: -90, position: "insideLeft" }} />
        <Tooltip
          cursor={{ fill: "rgba(29, 35, 43, 0.06)" }}
          itemStyle={TOOLTIP_ITEM}
          itemSorter={bySeriesOrder(series)}
          labelFormatter={monthName}
          formatter={(value) => formatNumber(Number(value), locale)}
        />
        <Legend position="top" itemSorter={bySeriesOrder(series)} wrapperStyle={{ paddingBottom: 8 }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="month" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
      {children}
    </figure>
  );
}
