import type { Metadata } from "next";
import Link from "next/link";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { CONFLICT_LIST_FIELDS, conflictListQuerySchema } from "@/lib/grouping/group-schemas";
import { listConflicts } from "@/lib/grouping/list-conflicts";
import { parseSearchParams, type SearchParams } from "@/lib/review/search-params";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { requirePageActor } from "../../../_lib/session";
import { CATEGORY_LABEL } from "../../articles/[id]/labels";
import { LedgerTabs } from "../ledger-tabs";
import { GroupClaimCard } from "../groups/group-claim-card";

export const metadata: Metadata = { title: "Conflicting figures" };

/**
 * Reports of one fact whose figures cannot both be true, side by side with the sources each
 * rests on: an official statement against an NGO's report, a court record against a witness.
 */
export default async function ConflictsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("/ledger/conflicts");
  const parsed = parseSearchParams(conflictListQuerySchema, CONFLICT_LIST_FIELDS, await searchParams);
  const errors = parsed.ok ? {} : parsed.errors;
  const page = parsed.ok ? await listConflicts({ actor, filters: { status: parsed.query.status, category: parsed.query.category }, after: parsed.query.after }) : null;
  const shared = new URLSearchParams();
  for (const field of CONFLICT_LIST_FIELDS) if (field !== "after" && parsed.values[field]) shared.set(field, parsed.values[field]!);
  const first = parsed.ok && parsed.query.after;

  return (
    <>
      <div className="page-heading">
        <h1>Conflicting figures</h1>
      </div>
      <LedgerTabs current="/ledger/conflicts" />
      <form method="get" action="/ledger/conflicts" className="queue-filters card" role="search" aria-label="Filter the conflicts">
        <FormField id="conflicts-status" label="Group status" error={errors.status}>
          <select id="conflicts-status" name="status" defaultValue={parsed.values.status ?? ""} aria-invalid={!!errors.status} aria-describedby={errors.status ? fieldErrorId("conflicts-status") : undefined}>
            <option value="">Proposed and confirmed</option>
            <option value="PROPOSED">Proposed</option>
            <option value="CONFIRMED">Confirmed</option>
          </select>
        </FormField>
        <FormField id="conflicts-category" label="Category" error={errors.category}>
          <select id="conflicts-category" name="category" defaultValue={parsed.values.category ?? ""} aria-invalid={!!errors.category} aria-describedby={errors.category ? fieldErrorId("conflicts-category") : undefined}>
            <option value="">All categories</option>
            {CLAIM_CATEGORIES.map((c) => (
              <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>
            ))}
          </select>
        </FormField>
        <div className="filter-actions">
          <button type="submit">Filter</button>
          <Link href="/ledger/conflicts">Clear</Link>
        </div>
        {errors.after && <p className="field-error filter-page-error">{errors.after}</p>}
      </form>

      {!page ? (
        <p className="form-error" role="alert">These filters cannot be applied: correct the fields marked above.</p>
      ) : page.items.length === 0 ? (
        <p className="muted">{first ? "No more conflicts." : "No conflicting figures: every group's reports can all be true together."}</p>
      ) : (
        <>
          {page.items.map((group) => (
            <section key={group.id} className="conflict-group" aria-labelledby={`conflict-${group.id}`} data-group-id={group.id} data-testid="conflict-group">
              <h2 id={`conflict-${group.id}`}>
                <Link href={`/ledger/groups/${group.id}`} lang={group.label ? undefined : "kk"}>{group.label ?? group.pairs[0]?.a.quote ?? "Group"}</Link>{" "}
                <span className={`status group-status--${group.status.toLowerCase()}`}>{group.status === "CONFIRMED" ? "confirmed" : "proposed"}</span>
                <span className="muted small-print"> {group.claimCount} reports</span>
              </h2>
              {group.pairs.map((pair) => (
                <div key={`${pair.a.id}-${pair.b.id}`} className="conflict-pair" data-testid="conflict-pair">
                  <GroupClaimCard claim={pair.a} />
                  <p className="conflict-versus" aria-label={`cannot both be true: ${pair.reason}`}>
                    ≠<span className="muted small-print">{pair.reason}</span>
                  </p>
                  <GroupClaimCard claim={pair.b} />
                </div>
              ))}
            </section>
          ))}
          <nav className="pagination" aria-label="Pages">
            {first && <Link href={`/ledger/conflicts?${shared}`}>First page</Link>}
            {page.next && <Link href={`/ledger/conflicts?${new URLSearchParams([...shared, ["after", page.next]])}`}>Next page</Link>}
          </nav>
        </>
      )}
    </>
  );
}
