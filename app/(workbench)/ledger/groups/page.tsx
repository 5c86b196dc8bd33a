import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { GROUP_LIST_FIELDS, groupListQuerySchema } from "@/lib/grouping/group-schemas";
import { listGroups } from "@/lib/grouping/list-groups";
import type { Locale } from "@/lib/i18n/locales";
import { parseSearchParams, type SearchParams } from "@/lib/core/search-params";
import { requirePageActor } from "../../../_lib/session";
import { LedgerTabs } from "../ledger-tabs";
import { FindSameClaims } from "./find-same-claims";
import { GroupFilters } from "./group-filters";
import { articlePlace, GroupFigure, shortTitle } from "./group-figure";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups");
  return { title: t("title") };
}

/**
 * Groups of claims that report the same fact in several articles. Everyone who reads the ledger
 * sees them; proposing and editing groups is for editors (the server asks the policy again).
 */
async function GroupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("/ledger/groups");
  const t = await getTranslations("groups");
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  const parsed = parseSearchParams(groupListQuerySchema, GROUP_LIST_FIELDS, await searchParams);
  const page = parsed.ok
    ? await listGroups({ actor, filters: { status: parsed.query.status, category: parsed.query.category, conflict: parsed.query.conflict }, after: parsed.query.after })
    : null;
  const shared = new URLSearchParams();
  for (const field of GROUP_LIST_FIELDS) {
    const value = parsed.values[field];
    if (field !== "after" && value) shared.set(field, value);
  }
  const first = parsed.ok && parsed.query.after;

  return (
    <>
      <div className="page-heading">
        <h1>{t("title")}</h1>
        {can(actor, "group.edit") && <FindSameClaims />}
      </div>
      <LedgerTabs current="/ledger/groups" />
      <GroupFilters values={parsed.values} errors={parsed.ok ? {} : parsed.errors} />
      {!page ? (
        <p className="form-error" role="alert">{t("list.filtersInvalid")}</p>
      ) : page.items.length === 0 ? (
        <p className="muted">{first ? t("list.noMore") : shared.size > 0 ? t("list.noMatch") : t("list.none")}</p>
      ) : (
        <>
          <div className="table-scroll">
          <table className="list group-list" data-testid="group-list">
            <thead>
              <tr>
                <th>{t("list.fact")}</th>
                <th>{t("list.reports")}</th>
                <th>{t("list.status")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((group) => {
                const categories = [...new Set(group.claims.map((c) => c.category))];
                return (
                  <tr key={group.id} data-group-id={group.id}>
                    <td>
                      <Link href={`/ledger/groups/${group.id}`} lang={group.label ? undefined : "kk"}>{group.label ?? group.claims[0]?.quote ?? "—"}</Link>
                      <div className="muted small-print">{categories.map((c) => l(`category.${c}`)).join(", ")}</div>
                    </td>
                    <td>
                      <ul className="group-reports">
                        {group.claims.map((claim) => (
                          <li key={claim.id}>
                            <GroupFigure claim={claim} /> <span className="muted small-print" title={claim.article.title}>{shortTitle(claim.article.title)}{articlePlace(claim.article, locale) && ` · ${articlePlace(claim.article, locale)}`}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <span className={`status group-status--${group.status.toLowerCase()}`}>{t(`status.${group.status}`)}</span>
                      {group.conflicts.length > 0 && (
                        <span className="status group-conflict" data-testid="group-conflict">
                          {t("list.conflicts", { count: group.conflicts.length })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
          <nav className="pagination" aria-label={t("list.pages")}>
            {first && <Link href={`/ledger/groups?${shared}`}>{t("list.firstPage")}</Link>}
            {page.next && <Link href={`/ledger/groups?${new URLSearchParams([...shared, ["after", page.next]])}`}>{t("list.nextPage")}</Link>}
          </nav>
        </>
      )}
    </>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page(props: { searchParams: Promise<SearchParams> }) {
  return (
    <ClientMessages route="/ledger/groups">
      <GroupsPage {...props} />
    </ClientMessages>
  );
}
