import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { MY_CLAIM_STATES } from "@/lib/claims/list-my-claims";
import type { MyClaimsField } from "@/lib/claims/my-claims-query";
import type { ShownMessage } from "@/lib/i18n/coded-message";

/** The header's "Returned to you" link opens the page with this filter. */
export const SENT_BACK_FILTER = "RETURNED,DISPUTED";

interface MyClaimsFiltersProps {
  /** The raw values from the URL, shown back even when wrong so they can be fixed. */
  values: Partial<Record<MyClaimsField, string>>;
  errors: Partial<Record<MyClaimsField, ShownMessage>>;
  articles: { id: string; title: string }[];
}

/** A plain GET form: the filters live in the URL. Submitting starts again at the first page. */
export function MyClaimsFilters({ values, errors, articles }: MyClaimsFiltersProps) {
  const t = useTranslations("myClaims.filters");
  const l = useTranslations("labels");
  const describedBy = (field: MyClaimsField, id: string) => (errors[field] ? fieldErrorId(id) : undefined);
  const status = values.status ?? "";
  const offered = new Set(["", SENT_BACK_FILTER, ...MY_CLAIM_STATES]);
  return (
    <form method="get" action="/claims" className="queue-filters card" role="search" aria-label={t("label")}>
      <FormField id="mine-status" label={t("status")} error={errors.status}>
        <select id="mine-status" name="status" defaultValue={status} aria-invalid={!!errors.status} aria-describedby={describedBy("status", "mine-status")}>
          <option value="">{t("anyState")}</option>
          <option value={SENT_BACK_FILTER}>{t("sentBack")}</option>
          {MY_CLAIM_STATES.map((s) => (
            <option key={s} value={s}>{l(`status.${s}`)}</option>
          ))}
          {!offered.has(status) && <option value={status}>{t("asGiven", { value: status })}</option>}
        </select>
      </FormField>
      <FormField id="mine-article" label={t("article")} error={errors.article}>
        <select id="mine-article" name="article" defaultValue={values.article ?? ""} aria-invalid={!!errors.article} aria-describedby={describedBy("article", "mine-article")}>
          <option value="">{t("allArticles")}</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>{a.title}</option>
          ))}
          {values.article && !articles.some((a) => a.id === values.article) && <option value={values.article}>{t("noClaimHere")}</option>}
        </select>
      </FormField>
      <FormField id="mine-category" label={t("category")} error={errors.category}>
        <select id="mine-category" name="category" defaultValue={values.category ?? ""} aria-invalid={!!errors.category} aria-describedby={describedBy("category", "mine-category")}>
          <option value="">{t("allCategories")}</option>
          {CLAIM_CATEGORIES.map((c) => (
            <option key={c} value={c}>{l(`category.${c}`)}</option>
          ))}
          {values.category && !(CLAIM_CATEGORIES as readonly string[]).includes(values.category) && <option value={values.category}>{values.category}</option>}
        </select>
      </FormField>
      <div className="filter-actions">
        <button type="submit">{t("filter")}</button>
        <Link href="/claims">{t("clear")}</Link>
      </div>
      {errors.after && <p className="field-error filter-page-error"><TranslatedMessage message={errors.after} /></p>}
    </form>
  );
}
