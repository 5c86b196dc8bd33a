import type { ShownMessage } from "@/lib/i18n/coded-message";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DateInput } from "@/app/_components/date-input";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import type { ArticleListField } from "@/lib/articles/list-articles";

interface ArticleFiltersProps {
  /** The raw values from the URL, shown back even when they are wrong so they can be fixed. */
  values: Partial<Record<ArticleListField, string>>;
  errors: Partial<Record<ArticleListField, ShownMessage>>;
  outlets: string[];
}

/**
 * A plain GET form: the filters live in the URL, so a filtered list is a link that can be shared
 * and reloaded. Submitting drops the page number, since a new filter starts at page one.
 */
export async function ArticleFilters({ values, errors, outlets }: ArticleFiltersProps) {
  const t = await getTranslations("articles");
  const outletChoices = values.outlet && !outlets.includes(values.outlet) ? [...outlets, values.outlet] : outlets;
  const describedBy = (field: ArticleListField, id: string) => (errors[field] ? fieldErrorId(id) : undefined);
  return (
    <form method="get" action="/articles" className="article-filters card" role="search" aria-label={t("filters.label")}>
      <FormField id="filter-q" label={t("filters.search")} error={errors.q}>
        <input id="filter-q" name="q" type="search" defaultValue={values.q ?? ""} aria-invalid={!!errors.q} aria-describedby={describedBy("q", "filter-q")} lang="kk" />
      </FormField>
      <FormField id="filter-outlet" label={t("filters.outlet")} error={errors.outlet}>
        <select id="filter-outlet" name="outlet" defaultValue={values.outlet ?? ""} aria-invalid={!!errors.outlet} aria-describedby={describedBy("outlet", "filter-outlet")}>
          <option value="">{t("filters.allOutlets")}</option>
          {outletChoices.map((outlet) => (
            <option key={outlet} value={outlet}>{outlet}</option>
          ))}
        </select>
      </FormField>
      <FormField id="filter-from" label={t("filters.from")} error={errors.from}>
        <DateInput id="filter-from" name="from" defaultValue={values.from ?? ""} aria-invalid={!!errors.from} aria-describedby={describedBy("from", "filter-from")} />
      </FormField>
      <FormField id="filter-to" label={t("filters.to")} error={errors.to}>
        <DateInput id="filter-to" name="to" defaultValue={values.to ?? ""} aria-invalid={!!errors.to} aria-describedby={describedBy("to", "filter-to")} />
      </FormField>
      <div className="field filter-check">
        <label>
          <input type="checkbox" name="awaiting" value="1" defaultChecked={values.awaiting === "1"} /> {t("filters.awaiting")}
        </label>
        {errors.awaiting && <span className="field-error"><TranslatedMessage message={errors.awaiting} /></span>}
      </div>
      <div className="filter-actions">
        <button type="submit">{t("filters.submit")}</button>
        <Link href="/articles">{t("filters.clear")}</Link>
      </div>
      {errors.page && <p className="field-error filter-page-error"><TranslatedMessage message={errors.page} /></p>}
    </form>
  );
}
