import type { Metadata } from "next";
import type { CodedMessage } from "@/lib/core/message-codes";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { getGroup } from "@/lib/grouping/get-group";
import { mergedGroupTarget } from "@/lib/grouping/group-aliases";
import { listMergeCandidates } from "@/lib/grouping/list-merge-candidates";
import type { ClaimCategory } from "@/lib/generated/prisma/client";
import { formatFigure } from "@/lib/i18n/figure";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { codeTranslator } from "../../../../_lib/code-translator";
import { requirePageActor } from "../../../../_lib/session";
import { GroupClaimCard } from "../group-claim-card";
import { shortTitle } from "../group-figure";
import { reasonText } from "../group-reasons";
import { AddClaimForm } from "./add-claim-form";
import { ConfirmForm } from "./confirm-form";
import { DissolveButton, RemoveClaimButton } from "./group-buttons";
import { MergeForm } from "./merge-form";
import { SplitForm } from "./split-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups");
  return { title: t("group.title") };
}

/**
 * One fact as several articles report it: every report with its sources, the pairs whose figures
 * cannot both be true, and how the same-fact rule sees each pair. Editors get the controls; the
 * server asks the policy again whatever the page showed.
 */
async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { groupId } = await params;
  const actor = await requirePageActor(`/ledger/groups/${groupId}`);
  const group = await getGroup({ actor, groupId });
  if (!group) {
    // A group merged away lives on in the one its claims went to: old links lead there.
    const target = await mergedGroupTarget({ actor, groupId });
    if (target) redirect(`/ledger/groups/${target}`);
    notFound();
  }
  const t = await getTranslations("groups");
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  const translate = await codeTranslator();
  const reason = (why: CodedMessage) => reasonText(why, translate, locale);
  const mayEdit = can(actor, "group.edit");
  const category = group.claims[0]?.category as ClaimCategory | undefined;
  const candidates = mayEdit && category ? await listMergeCandidates({ actor, groupId: group.id, category }) : [];
  const state = { groupId: group.id, expectedUpdatedAt: group.updatedAt.toISOString() };
  const byId = new Map(group.claims.map((c) => [c.id, c]));
  const name = (id: string) => {
    const claim = byId.get(id);
    return claim ? `${formatFigure(claim, locale) || "—"}${claim.claimant ? ` (${claim.claimant})` : ""}, ${shortTitle(claim.article.title, 40)}` : id;
  };

  return (
    <div className="group-page" data-testid="group-page" data-group-id={group.id} data-updated-at={state.expectedUpdatedAt}>
      <p className="muted">
        <Link href="/ledger/groups">{t("title")}</Link> · <Link href="/ledger/conflicts">{t("group.conflictsLink")}</Link>
      </p>
      <h1>
        <span lang={group.label ? undefined : "kk"}>{group.label ?? group.claims[0]?.quote ?? t("group.emptyGroup")}</span>{" "}
        <span className={`status group-status--${group.status.toLowerCase()}`} data-testid="group-status">{t(`status.${group.status}`)}</span>
      </h1>
      <p className="muted small-print">
        {category ? l(`category.${category}`) : t("group.noLiveClaims")} · {t("group.reports", { count: group.claims.length })}
        {group.createdBy && <> · {t("group.groupedBy", { name: group.createdBy })}</>}
        {group.status === "PROPOSED" && <> · {t("group.proposalNote")}</>}
      </p>

      {group.conflicts.length > 0 && (
        <section className="card group-conflicts" aria-labelledby="conflicts-heading" data-testid="group-conflicts">
          <h2 id="conflicts-heading">{t("group.conflictsHeading")}</h2>
          <ul>
            {group.conflicts.map((c) => (
              <li key={`${c.aId}-${c.bId}`}>
                {t.rich("group.conflictPair", { a: name(c.aId), b: name(c.bId), strong: (chunks) => <strong>{chunks}</strong> })} <span className="muted small-print">({reason(c.reason)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {/* Without controls the reports take the page's whole width. */}
      <div className={mayEdit ? "review-columns" : undefined}>
        <section aria-label={t("group.reportsLabel")} className="stack-sections">
          {group.claims.map((claim) => (
            <GroupClaimCard
              key={claim.id}
              claim={claim}
              actions={mayEdit && group.claims.length > 1 ? <RemoveClaimButton {...state} claimId={claim.id} /> : undefined}
            />
          ))}
          {group.pairs && group.pairs.length > 0 && (
            <details className="card group-pairs">
              <summary>{t("group.howTheyMatch")}</summary>
              <ul>
                {group.pairs.map((p) => (
                  <li key={`${p.aId}-${p.bId}`}>
                    {t.rich("group.pair", {
                      a: name(p.aId),
                      b: name(p.bId),
                      score: formatNumber(p.score, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                      strong: (chunks) => <strong>{chunks}</strong>,
                    })}
                    {p.sameFact ? "" : ` ${t("group.notByRule")}`}
                    <div className="muted small-print">{p.reasons.map(reason).join("; ")}</div>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>

        {mayEdit && (
          <aside className="stack-sections" aria-label={t("group.editLabel")}>
            {group.status === "PROPOSED" && (
              <section className="card">
                <h2>{t("group.confirmHeading")}</h2>
                <ConfirmForm key={state.expectedUpdatedAt} {...state} label={group.label} />
              </section>
            )}
            {group.claims.length > 1 && (
              <section className="card">
                <h2>{t("group.splitHeading")}</h2>
                <SplitForm key={state.expectedUpdatedAt} {...state} members={group.claims.map((c) => ({ id: c.id, name: name(c.id) }))} />
              </section>
            )}
            <section className="card">
              <h2>{t("group.mergeHeading")}</h2>
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
              <h2>{t("group.addHeading")}</h2>
              <AddClaimForm key={state.expectedUpdatedAt} {...state} />
            </section>
            {group.status === "PROPOSED" && (
              <section className="card">
                <h2>{t("group.rejectHeading")}</h2>
                <p className="muted small-print">{t("group.rejectNote")}</p>
                <DissolveButton {...state} />
              </section>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}

/** The page inside the messages its client components translate (app/_lib/client-namespaces.ts). */
export default function Page(props: { params: Promise<{ groupId: string }> }) {
  return (
    <ClientMessages route="/ledger/groups/[groupId]">
      <GroupPage {...props} />
    </ClientMessages>
  );
}
