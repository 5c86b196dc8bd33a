import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatFigure } from "@/lib/i18n/figure";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { ledgerOrderOf } from "@/lib/ledger/ledger-sql";
import type { LedgerFilter, LedgerSort } from "@/lib/ledger/ledger-filter";
import type { LedgerRow } from "@/lib/ledger/list-ledger";

interface LedgerTableProps {
  rows: LedgerRow[];
  filter: LedgerFilter;
  /** The filter's URL parameters, kept in every sort link. */
  params: Record<string, string>;
}

const COLUMNS: { key: "claim" | "figure" | "category" | "claimant" | "event" | "status" | "verdict" | "tagged"; sort?: LedgerSort }[] = [
  { key: "claim" },
  { key: "figure", sort: "value" },
  { key: "category", sort: "category" },
  { key: "claimant", sort: "claimant" },
  { key: "event", sort: "eventDate" },
  { key: "status", sort: "status" },
  { key: "verdict", sort: "rating" },
  { key: "tagged", sort: "created" },
];

/** The claims of one ledger page; every sortable heading is a link that keeps the filters. */
export function LedgerTable({ rows, filter, params }: LedgerTableProps) {
  const t = useTranslations("ledger.table");
  const l = useTranslations("labels");
  const locale = useLocale() as Locale;
  const order = ledgerOrderOf(filter);
  const sortHref = (sort: LedgerSort) => {
    const dir = order.sort === sort && order.dir === "asc" ? "desc" : "asc";
    return `/ledger?${new URLSearchParams({ ...params, sort, dir })}`;
  };
  return (
    <table className="ledger-table" data-testid="ledger-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => {
            const active = column.sort && order.sort === column.sort;
            return (
              <th key={column.key} scope="col" aria-sort={active ? (order.dir === "asc" ? "ascending" : "descending") : undefined}>
                {column.sort ? (
                  <Link href={sortHref(column.sort)} title={t(`sortBy.${column.key}`)}>
                    {t(`column.${column.key}`)}
                    {active ? (order.dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                ) : (
                  t(`column.${column.key}`)
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-claim-id={row.id}>
            <td>
              <Link href={`/review/${row.id}`} lang="kk" className="ledger-quote">{row.quote}</Link>
              <div className="muted small-print ledger-source" title={row.articleTitle}>
                <Link href={`/articles/${row.articleId}`} lang="kk">{row.articleTitle}</Link>
                {row.outlet && <> · {row.outlet}</>} · {row.authorName}
                {row.groupId && (
                  <>
                    {" · "}
                    <Link href={`/ledger/groups/${row.groupId}`}>{t("sameClaimElsewhere")}</Link>
                  </>
                )}
              </div>
            </td>
            <td className="ledger-figure">{formatFigure(row, locale) || "—"}</td>
            <td>{l(`category.${row.category}`)}</td>
            <td lang="kk">{row.claimant ?? "—"}</td>
            <td>{row.eventDate ? formatDay(row.eventDate, locale) : "—"}</td>
            <td>
              <span className={`status status--${row.status.toLowerCase()}`}>{l(`status.${row.status}`)}</span>
            </td>
            <td>{row.rating ? l(`verdict.${row.rating}`) : "—"}</td>
            <td>
              <time dateTime={row.createdAt.toISOString()}>{formatDay(row.createdAt, locale)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
