import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { CLAIM_STATUSES, type LedgerFilterField } from "@/lib/ledger/ledger-filter";
import type { LedgerChoices } from "@/lib/ledger/list-ledger-choices";
import { RATINGS } from "@/lib/review/rating-scale";
import type { ShownMessage } from "@/lib/i18n/coded-message";

interface LedgerFiltersProps {
  /** The raw values from the URL, shown back even when wrong so they can be fixed. */
  values: Partial<Record<LedgerFilterField, string>>;
  errors: Partial<Record<LedgerFilterField, ShownMessage>>;
  choices: LedgerChoices;
}

type Option = { value: string; label: string };

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. */
export function LedgerFilters({ values, errors, choices }: LedgerFiltersProps) {
  const t = useTranslations("ledger.filters");
  const l = useTranslations("labels");
  const control = (field: LedgerFilterField, id: string) => ({
    id,
    name: field,
    defaultValue: values[field] ?? "",
    "aria-invalid": !!errors[field],
    "aria-describedby": errors[field] ? fieldErrorId(id) : undefined,
  });
  const select = (field: LedgerFilterField, label: string, any: string, options: Option[]) => {
    const id = `ledger-${field}`;
    const known = options.some((o) => o.value === values[field]);
    return (
      <FormField id={id} label={label} error={errors[field]}>
        <select {...control(field, id)}>
          <option value="">{any}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
          {values[field] && !known && <option value={values[field]}>{values[field]}</option>}
        </select>
      </FormField>
    );
  };
  const input = (field: LedgerFilterField, label: string, extra: Record<string, string> = {}) => {
    const id = `ledger-${field}`;
    return (
      <FormField id={id} label={label} error={errors[field]}>
        <input {...control(field, id)} {...extra} />
      </FormField>
    );
  };
  return (
    // Keyed by the values: after a client-side navigation (a saved set, a sort link) the
    // uncontrolled fields must show the new URL's filter, not what they held before.
    <form key={JSON.stringify(values)} method="get" action="/ledger" className="ledger-filters card" role="search" aria-label={t("label")}>
      <div className="ledger-search">{input("q", t("search"), { type: "search", lang: "kk", placeholder: t("searchPlaceholder"), "data-shortcut": "search" })}</div>
      {select("status", t("status"), t("anyStatus"), CLAIM_STATUSES.map((s) => ({ value: s, label: l(`status.${s}`) })))}
      {select("rating", t("verdict"), t("anyVerdict"), RATINGS.map((r) => ({ value: r, label: l(`verdict.${r}`) })))}
      {select("category", t("category"), t("allCategories"), CLAIM_CATEGORIES.map((c) => ({ value: c, label: l(`category.${c}`) })))}
      {select("article", t("article"), t("allArticles"), choices.articles.map((a) => ({ value: a.id, label: a.title })))}
      {select("outlet", t("outlet"), t("allOutlets"), choices.outlets.map((o) => ({ value: o, label: o })))}
      {input("claimant", t("claimant"), { list: "ledger-claimants", lang: "kk" })}
      <datalist id="ledger-claimants">
        {choices.claimants.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {input("eventFrom", t("eventFrom"), { type: "date" })}
      {input("eventTo", t("eventTo"), { type: "date" })}
      {input("valueMin", t("valueMin"), { inputMode: "decimal" })}
      {input("valueMax", t("valueMax"), { inputMode: "decimal" })}
      {select("author", t("author"), t("anyone"), choices.people.map((p) => ({ value: p.id, label: p.name })))}
      {select("reviewer", t("reviewer"), t("anyone"), choices.reviewers.map((p) => ({ value: p.id, label: p.name })))}
      {(["sort", "dir", "group"] as const).map((field) =>
        values[field] ? <input key={field} type="hidden" name={field} value={values[field]} /> : null,
      )}
      <div className="filter-actions">
        <button type="submit">{t("submit")}</button>
        <Link href="/ledger">{t("clear")}</Link>
        {(["sort", "dir", "group"] as const).map((field) => errors[field] && <span key={field} className="field-error"><TranslatedMessage message={errors[field]} /></span>)}
      </div>
    </form>
  );
}
