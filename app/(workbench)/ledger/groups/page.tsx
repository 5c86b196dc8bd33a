import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { GROUP_LIST_FIELDS, groupListQuerySchema } from "@/lib/grouping/group-schemas";
import { listGroups } from "@/lib/grouping/list-groups";
import { parseSearchParams, type SearchParams } from "@/lib/review/search-params";
import { requirePageActor } from "../../../_lib/session";
import { CATEGORY_LABEL } from "../../articles/[id]/labels";
import { LedgerTabs } from "../ledger-tabs";
import { FindSameClaims } from "./find-same-claims";
import { GroupFilters } from "./group-filters";
import { articlePlace, GroupFigure, shortTitle } from "./group-figure";

export const metadata: Metadata = { title: "Same claim in several articles" };

const STATUS_TEXT = { PROPOSED: "proposed", CONFIRMED: "confirmed" } as const;

/**
 * Groups of claims that report the same fact in several articles. Everyone who reads the ledger
 * sees them; proposing and editing groups is for editors (the server asks the policy again).
 */
export default async function GroupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("/ledger/groups");
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
        <h1>Same claim in several articles</h1>
        {can(actor, "group.edit") && <FindSameClaims />}
      </div>
      <LedgerTabs current="/ledger/groups" />
      <GroupFilters values={parsed.values} errors={parsed.ok ? {} : parsed.errors} />
      {!page ? (
        <p className="form-error" role="alert">These filters cannot be applied: correct the fields marked above.</p>
      ) : page.items.length === 0 ? (
        <p className="muted">{first ? "No more groups." : shared.size > 0 ? "No group matches these filters." : "No groups yet. Editors can look for the same claims across articles."}</p>
      ) : (
        <>
          <table className="list group-list" data-testid="group-list">
            <thead>
              <tr>
                <th>Fact</th>
                <th>Reports</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((group) => {
                const categories = [...new Set(group.claims.map((c) => c.category))];
                return (
                  <tr key={group.id} data-group-id={group.id}>
                    <td>
                      <Link href={`/ledger/groups/${group.id}`} lang={group.label ? undefined : "kk"}>{group.label ?? group.claims[0]?.quote ?? "—"}</Link>
                      <div className="muted small-print">{categories.map((c) => CATEGORY_LABEL[c as keyof typeof CATEGORY_LABEL] ?? c).join(", ")}</div>
                    </td>
                    <td>
                      <ul className="group-reports">
                        {group.claims.map((claim) => (
                          <li key={claim.id}>
                            <GroupFigure claim={claim} /> <span className="muted small-print" title={claim.article.title}>{shortTitle(claim.article.title)}{articlePlace(claim.article) && ` · ${articlePlace(claim.article)}`}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <span className={`status group-status--${group.status.toLowerCase()}`}>{STATUS_TEXT[group.status]}</span>
                      {group.conflicts.length > 0 && (
                        <span className="status group-conflict" data-testid="group-conflict">
                          {group.conflicts.length === 1 ? "conflicting figures" : `${group.conflicts.length} conflicting pairs`}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <nav className="pagination" aria-label="Pages">
            {first && <Link href={`/ledger/groups?${shared}`}>First page</Link>}
            {page.next && <Link href={`/ledger/groups?${new URLSearchParams([...shared, ["after", page.next]])}`}>Next page</Link>}
          </nav>
        </>
      )}
    </>
  );
}
