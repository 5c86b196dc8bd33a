import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { CONFLICT_LIST_FIELDS, conflictListQuerySchema } from "@/lib/grouping/group-schemas";
import { listConflicts } from "@/lib/grouping/list-conflicts";
import type { Locale } from "@/lib/i18n/locales";
import { parseSearchParams, type SearchParams } from "@/lib/core/search-params";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { codeTranslator } from "../../../_lib/code-translator";
import { requirePageActor } from "../../../_lib/session";
import { LedgerTabs } from "../ledger-tabs";
import { GroupClaimCard } from "../groups/group-claim-card";
import { reasonText } from "../groups/group-reasons";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conflicts");
  return { title: t("title") };
}

/**
 * Reports of one fact whose figures cannot both be true, side by side with the sources each
 * rests on: an official statement against an NGO's report, a court record against a witness.
 */
export default async function ConflictsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("/ledger/conflicts");
  const t = await getTranslations("conflicts");
  const g = await getTranslations("groups");
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  const translate = await codeTranslator();
  const parsed = parseSearchParams(conflictListQuerySchema, CONFLICT_LIST_FIELDS, await searchParams);
  const errors = parsed.ok ? {} : parsed.errors;
  const page = parsed.ok ? await listConflicts({ actor, filters: { status: parsed.query.status, category: parsed.query.category }, after: parsed.query.after }) : null;
  const shared = new URLSearchParams();
  for (const field of CONFLICT_LIST_FIELDS) if (field !== "after" && parsed.values[field]) shared.set(field, parsed.values[field]!);
  const first = parsed.ok && parsed.query.after;

  return (
    <>
      <div className="page-heading">
        <h1>{t("title")}</h1>
      </div>
      <LedgerTabs current="/ledger/conflicts" />
      <form method="get" action="/ledger/conflicts" className="queue-filters card" role="search" aria-label={t("filters.label")}>
        <FormField id="conflicts-status" label={t("filters.status")} error={errors.status}>
          <select id="conflicts-status" name="status" defaultValue={parsed.values.status ?? ""} aria-invalid={!!errors.status} aria-describedby={errors.status ? fieldErrorId("conflicts-status") : undefined}>
            <option value="">{t("filters.anyStatus")}</option>
            <option value="PROPOSED">{t("filters.proposed")}</option>
            <option value="CONFIRMED">{t("filters.confirmed")}</option>
          </select>
        </FormField>
        <FormField id="conflicts-category" label={t("filters.category")} error={errors.category}>
          <select id="conflicts-category" name="category" defaultValue={parsed.values.category ?? ""} aria-invalid={!!errors.category} aria-describedby={errors.category ? fieldErrorId("conflicts-category") : undefined}>
            <option value="">{t("filters.allCategories")}</option>
            {CLAIM_CATEGORIES.map((c) => (
              <option key={c} value={c}>{l(`category.${c}`)}</option>
            ))}
          </select>
        </FormField>
        <div className="filter-actions">
          <button type="submit">{t("filters.submit")}</button>
          <Link href="/ledger/conflicts">{t("filters.clear")}</Link>
        </div>
        {errors.after && <p className="field-error filter-page-error">{translate(errors.after)}</p>}
      </form>

      {!page ? (
        <p className="form-error" role="alert">{t("filtersInvalid")}</p>
      ) : page.items.length === 0 ? (
        <p className="muted">{first ? t("noMore") : t("none")}</p>
      ) : (
        <>
          {page.items.map((group) => (
            <section key={group.id} className="conflict-group" aria-labelledby={`conflict-${group.id}`} data-group-id={group.id} data-testid="conflict-group">
              <h2 id={`conflict-${group.id}`}>
                <Link href={`/ledger/groups/${group.id}`} lang={group.label ? undefined : "kk"}>{group.label ?? group.pairs[0]?.a.quote ?? t("groupFallback")}</Link>{" "}
                <span className={`status group-status--${group.status.toLowerCase()}`}>{g(`status.${group.status}`)}</span>
                <span className="muted small-print"> {t("reports", { count: group.claimCount })}</span>
              </h2>
              {group.pairs.map((pair) => {
                const reason = reasonText(pair.reason, translate, locale);
                return (
                  <div key={`${pair.a.id}-${pair.b.id}`} className="conflict-pair" data-testid="conflict-pair">
                    <GroupClaimCard claim={pair.a} />
                    <p className="conflict-versus" aria-label={t("versus", { reason })}>
                      ≠<span className="muted small-print">{reason}</span>
                    </p>
                    <GroupClaimCard claim={pair.b} />
                  </div>
                );
              })}
            </section>
          ))}
          <nav className="pagination" aria-label={t("pages")}>
            {first && <Link href={`/ledger/conflicts?${shared}`}>{t("firstPage")}</Link>}
            {page.next && <Link href={`/ledger/conflicts?${new URLSearchParams([...shared, ["after", page.next]])}`}>{t("nextPage")}</Link>}
          </nav>
        </>
      )}
    </>
  );
}
