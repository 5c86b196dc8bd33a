import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { can } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { listClaimSets } from "@/lib/ledger/claim-sets";
import { decodeLedgerCursor } from "@/lib/ledger/ledger-cursor";
import { ledgerFilterToParams, parseLedgerFilter } from "@/lib/ledger/ledger-filter";
import { listLedgerChoices } from "@/lib/ledger/list-ledger-choices";
import { listLedger } from "@/lib/ledger/list-ledger";
import type { SearchParams } from "@/lib/core/search-params";
import { requirePageActor } from "../../_lib/session";
import { LedgerCharts, LedgerChartsLoading } from "./charts/ledger-charts";
import { ClaimSetsPanel } from "./claim-sets-panel";
import { ExportPanel } from "./export-panel";
import { LedgerCount } from "./ledger-count";
import { LedgerFilters } from "./ledger-filters";
import { LedgerShortcuts } from "./ledger-shortcuts";
import { LedgerTable } from "./ledger-table";
import { LedgerTabs } from "./ledger-tabs";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ledger");
  return { title: t("title") };
}

/**
 * Every claim across articles. The filter, the order and the page live in the URL; a filter that
 * cannot be read is shown back with its message instead of an empty table.
 */
async function LedgerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("/ledger");
  const t = await getTranslations("ledger");
  const raw = await searchParams;
  const parsed = parseLedgerFilter(raw);
  const afterToken = typeof raw.after === "string" ? raw.after : undefined;
  const after = afterToken ? decodeLedgerCursor(afterToken) : null;
  const errors = parsed.ok ? {} : parsed.errors;
  let pageError = afterToken && !after ? t("pageLinkDamaged") : null;

  const [choices, sets] = await Promise.all([listLedgerChoices({ actor }), listClaimSets({ actor })]);
  const params = parsed.ok ? ledgerFilterToParams(parsed.filter) : {};
  const query = new URLSearchParams(params).toString();
  let page = null;
  if (parsed.ok && !pageError) {
    try {
      page = await listLedger({ actor, filter: parsed.filter, after });
    } catch (error) {
      // A token that decodes but does not fit the column (a hand-edited link): the same message.
      if (!(error instanceof DerekError && error.field === "after")) throw error;
      pageError = t("pageLinkDamaged");
    }
  }

  const nextHref = page?.next ? `/ledger?${new URLSearchParams({ ...params, after: page.next })}` : null;

  return (
    <>
      <div className="page-heading">
        <h1>{t("title")}</h1>
      </div>
      <LedgerTabs current="/ledger" />
      <LedgerFilters values={parsed.values} errors={errors} choices={choices} />
      <div className="ledger-tools">
        <ClaimSetsPanel
          params={params}
          activeQuery={query}
          sets={sets.map((set) => ({
            id: set.id,
            name: set.name,
            query: new URLSearchParams(set.params).toString(),
            ownerName: set.ownerId === actor.id ? t("ownerYours") : set.ownerName,
            mayDelete: can(actor, "claimset.delete", { ownerId: set.ownerId }),
          }))}
        />
        {parsed.ok && can(actor, "export.run") && <ExportPanel filterParams={params} />}
      </div>
      <div>
        <div>
          {!parsed.ok || pageError ? (
            <p className="card field-error" role="alert" data-testid="ledger-filter-error">
              {pageError ?? t("filterCannotApply")}
              {pageError && (
                <>
                  {" "}
                  <Link href={`/ledger?${query}`}>{t("firstPage")}</Link>
                </>
              )}
            </p>
          ) : page ? (
            <>
              <Suspense fallback={<p className="muted" data-testid="ledger-count-pending">{t("counting")}</p>}>
                <LedgerCount actor={actor} filter={parsed.filter} laterPage={after !== null} />
              </Suspense>
              {page.rows.length === 0 ? (
                <p className="card">{t("noMatch")}</p>
              ) : (
                <div className="table-scroll">
                <LedgerTable rows={page.rows} filter={parsed.filter} params={params} />
                </div>
              )}
              <nav className="pagination" aria-label={t("pages")}>
                {after && <Link href={`/ledger?${query}`}>{t("firstPage")}</Link>}
                {nextHref && <Link href={nextHref} rel="next">{t("nextPage")}</Link>}
              </nav>
              <LedgerShortcuts nextHref={nextHref} firstHref={after ? `/ledger?${query}` : null} />
              {/* The charts stream in after the table: a count over a large filter must not hold it up. */}
              <Suspense fallback={<LedgerChartsLoading />}>
                <LedgerCharts actor={actor} filter={parsed.filter} />
              </Suspense>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page(props: { searchParams: Promise<SearchParams> }) {
  return (
    <ClientMessages route="/ledger">
      <LedgerPage {...props} />
    </ClientMessages>
  );
}
