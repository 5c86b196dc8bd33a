import Link from "next/link";

/** Previous/next links that keep every filter of the current URL and change only the page. */
export function ArticlePagination({ params, page, pageCount, total }: { params: URLSearchParams; page: number; pageCount: number; total: number }) {
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target === 1) next.delete("page");
    else next.set("page", String(target));
    const search = next.toString();
    return search ? `/articles?${search}` : "/articles";
  };
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? <Link href={hrefFor(page - 1)} rel="prev">← Previous</Link> : <span className="muted">← Previous</span>}
      <span data-testid="page-status">
        Page {page} of {pageCount} · {total} {total === 1 ? "article" : "articles"}
      </span>
      {page < pageCount ? <Link href={hrefFor(page + 1)} rel="next">Next →</Link> : <span className="muted">Next →</span>}
    </nav>
  );
}
