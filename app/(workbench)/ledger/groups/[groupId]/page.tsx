import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { getGroup } from "@/lib/grouping/get-group";
import { listMergeCandidates } from "@/lib/grouping/list-merge-candidates";
import type { ClaimCategory } from "@/lib/generated/prisma/client";
import { requirePageActor } from "../../../../_lib/session";
import { CATEGORY_LABEL, figureSummary } from "../../../articles/[id]/labels";
import { GroupClaimCard } from "../group-claim-card";
import { shortTitle } from "../group-figure";
import { AddClaimForm } from "./add-claim-form";
import { ConfirmForm } from "./confirm-form";
import { DissolveButton, RemoveClaimButton } from "./group-buttons";
import { MergeForm } from "./merge-form";
import { SplitForm } from "./split-form";

export const metadata: Metadata = { title: "Same claim: group" };

/**
 * One fact as several articles report it: every report with its sources, the pairs whose figures
 * cannot both be true, and how the same-fact rule sees each pair. Editors get the controls; the
 * server asks the policy again whatever the page showed.
 */
export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { groupId } = await params;
  const actor = await requirePageActor(`/ledger/groups/${groupId}`);
  const group = await getGroup({ actor, groupId });
  if (!group) notFound();
  const mayEdit = can(actor, "group.edit");
  const category = group.claims[0]?.category as ClaimCategory | undefined;
  const candidates = mayEdit && category ? await listMergeCandidates({ actor, groupId: group.id, category }) : [];
  const state = { groupId: group.id, expectedUpdatedAt: group.updatedAt.toISOString() };
  const byId = new Map(group.claims.map((c) => [c.id, c]));
  const name = (id: string) => {
    const claim = byId.get(id);
    return claim ? `${figureSummary(claim) || "—"}${claim.claimant ? ` (${claim.claimant})` : ""}, ${shortTitle(claim.article.title, 40)}` : id;
  };

  return (
    <div className="group-page" data-testid="group-page" data-group-id={group.id} data-updated-at={state.expectedUpdatedAt}>
      <p className="muted">
        <Link href="/ledger/groups">Same claim in several articles</Link> · <Link href="/ledger/conflicts">Conflicting figures</Link>
      </p>
      <h1>
        <span lang={group.label ? undefined : "kk"}>{group.label ?? group.claims[0]?.quote ?? "Empty group"}</span>{" "}
        <span className={`status group-status--${group.status.toLowerCase()}`} data-testid="group-status">{group.status === "CONFIRMED" ? "confirmed" : "proposed"}</span>
      </h1>
      <p className="muted small-print">
        {category ? CATEGORY_LABEL[category] : "No live claims"} · {group.claims.length} {group.claims.length === 1 ? "report" : "reports"}
        {group.createdBy && <> · grouped by {group.createdBy}</>}
        {group.status === "PROPOSED" && <> · a proposal: finding same claims again may re-draw it until an editor confirms it</>}
      </p>

      {group.conflicts.length > 0 && (
        <section className="card group-conflicts" aria-labelledby="conflicts-heading" data-testid="group-conflicts">
          <h2 id="conflicts-heading">Figures that cannot both be true</h2>
          <ul>
            {group.conflicts.map((c) => (
              <li key={`${c.aId}-${c.bId}`}>
                {name(c.aId)} <strong>against</strong> {name(c.bId)} <span className="muted small-print">({c.reason})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {/* Without controls the reports take the page's whole width. */}
      <div className={mayEdit ? "review-columns" : undefined}>
        <section aria-label="Reports" className="stack-sections">
          {group.claims.map((claim) => (
            <GroupClaimCard
              key={claim.id}
              claim={claim}
              actions={mayEdit && group.claims.length > 1 ? <RemoveClaimButton {...state} claimId={claim.id} /> : undefined}
            />
          ))}
          {group.pairs && group.pairs.length > 0 && (
            <details className="card group-pairs">
              <summary>How the claims match</summary>
              <ul>
                {group.pairs.map((p) => (
                  <li key={`${p.aId}-${p.bId}`}>
                    <strong>{name(p.aId)}</strong> and <strong>{name(p.bId)}</strong>: score {p.score.toFixed(2)}
                    {p.sameFact ? "" : " (the rule alone would not have put them together)"}
                    <div className="muted small-print">{p.reasons.join("; ")}</div>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>

        {mayEdit && (
          <aside className="stack-sections" aria-label="Edit the group">
            {group.status === "PROPOSED" && (
              <section className="card">
                <h2>Confirm</h2>
                <ConfirmForm key={state.expectedUpdatedAt} {...state} label={group.label} />
              </section>
            )}
            {group.claims.length > 1 && (
              <section className="card">
                <h2>Split</h2>
                <SplitForm key={state.expectedUpdatedAt} {...state} members={group.claims.map((c) => ({ id: c.id, name: name(c.id) }))} />
              </section>
            )}
            <section className="card">
              <h2>Merge</h2>
              <MergeForm
                key={state.expectedUpdatedAt}
                {...state}
                candidates={candidates.map((c) => ({
                  ...c,
                  name: c.label ?? `${c.firstQuote ?? "—"} (${shortTitle(c.firstArticleTitle ?? "", 40)})`,
                }))}
              />
            </section>
            <section className="card">
              <h2>Add a claim</h2>
              <AddClaimForm key={state.expectedUpdatedAt} {...state} />
            </section>
            {group.status === "PROPOSED" && (
              <section className="card">
                <h2>Reject</h2>
                <p className="muted small-print">None of these claims report the same fact; they will not be proposed together again.</p>
                <DissolveButton {...state} />
              </section>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
