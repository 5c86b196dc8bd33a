import Link from "next/link";
import { ledgerOrderOf } from "@/lib/ledger/ledger-sql";
import type { LedgerFilter, LedgerSort } from "@/lib/ledger/ledger-filter";
import type { LedgerRow } from "@/lib/ledger/list-ledger";
import { VERDICTS } from "@/lib/review/rating-scale";
import { CATEGORY_LABEL, figureSummary, STATUS_LABEL } from "../articles/[id]/labels";

interface LedgerTableProps {
  rows: LedgerRow[];
  filter: LedgerFilter;
  /** The filter's URL parameters, kept in every sort link. */
  params: Record<string, string>;
}

const COLUMNS: { label: string; sort?: LedgerSort }[] = [
  { label: "Claim" },
  { label: "Figure", sort: "value" },
  { label: "Category", sort: "category" },
  { label: "Claimant", sort: "claimant" },
  { label: "Event", sort: "eventDate" },
  { label: "Status", sort: "status" },
  { label: "Verdict", sort: "rating" },
  { label: "Tagged", sort: "created" },
];

/** The claims of one ledger page; every sortable heading is a link that keeps the filters. */
export function LedgerTable({ rows, filter, params }: LedgerTableProps) {
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
              <th key={column.label} scope="col" aria-sort={active ? (order.dir === "asc" ? "ascending" : "descending") : undefined}>
                {column.sort ? (
                  <Link href={sortHref(column.sort)} title={`Sort by ${column.label.toLowerCase()}`}>
                    {column.label}
                    {active ? (order.dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                ) : (
                  column.label
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
                    <Link href={`/ledger/groups/${row.groupId}`}>same claim elsewhere</Link>
                  </>
                )}
              </div>
            </td>
            <td className="ledger-figure">{figureSummary(row) || "—"}</td>
            <td>{CATEGORY_LABEL[row.category]}</td>
            <td lang="kk">{row.claimant ?? "—"}</td>
            <td>{row.eventDate ?? "—"}</td>
            <td>
              <span className={`status status--${row.status.toLowerCase()}`}>{STATUS_LABEL[row.status]}</span>
            </td>
            <td>{row.rating ? VERDICTS[row.rating].alternateName : "—"}</td>
            <td>
              <time dateTime={row.createdAt.toISOString()}>{row.createdAt.toISOString().slice(0, 10)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
