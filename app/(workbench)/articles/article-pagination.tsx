import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Previous/next links that keep every filter of the current URL and change only the page. */
export async function ArticlePagination({ params, page, pageCount, total }: { params: URLSearchParams; page: number; pageCount: number; total: number }) {
  const t = await getTranslations("articles");
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target === 1) next.delete("page");
    else next.set("page", String(target));
    const search = next.toString();
    return search ? `/articles?${search}` : "/articles";
  };
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? <Link href={hrefFor(page - 1)} rel="prev">{t("pagination.previous")}</Link> : <span className="muted">{t("pagination.previous")}</span>}
      <span data-testid="page-status">{t("pagination.status", { page, pageCount, total })}</span>
      {page < pageCount ? <Link href={hrefFor(page + 1)} rel="next">{t("pagination.next")}</Link> : <span className="muted">{t("pagination.next")}</span>}
    </nav>
  );
}
