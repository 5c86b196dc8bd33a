import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import type { QueueField } from "@/lib/review/queue-query";
import type { ShownMessage } from "@/lib/i18n/coded-message";

interface QueueFiltersProps {
  /** The raw values from the URL, shown back even when wrong so they can be fixed. */
  values: Partial<Record<QueueField, string>>;
  errors: Partial<Record<QueueField, ShownMessage>>;
  articles: { id: string; title: string }[];
  authors: { id: string; name: string }[];
}

/** A plain GET form: the filters live in the URL. Submitting starts again at the first page. */
export function QueueFilters({ values, errors, articles, authors }: QueueFiltersProps) {
  const t = useTranslations("review");
  const l = useTranslations("labels");
  const describedBy = (field: QueueField, id: string) => (errors[field] ? fieldErrorId(id) : undefined);
  return (
    <form method="get" action="/review" className="queue-filters card" role="search" aria-label={t("filters.label")}>
      <FormField id="queue-category" label={t("filters.category")} error={errors.category}>
        <select id="queue-category" name="category" defaultValue={values.category ?? ""} aria-invalid={!!errors.category} aria-describedby={describedBy("category", "queue-category")}>
          <option value="">{t("filters.allCategories")}</option>
          {CLAIM_CATEGORIES.map((c) => (
            <option key={c} value={c}>{l(`category.${c}`)}</option>
          ))}
        </select>
      </FormField>
      <FormField id="queue-article" label={t("filters.article")} error={errors.article}>
        <select id="queue-article" name="article" defaultValue={values.article ?? ""} aria-invalid={!!errors.article} aria-describedby={describedBy("article", "queue-article")}>
          <option value="">{t("filters.allArticles")}</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>{a.title}</option>
          ))}
          {values.article && !articles.some((a) => a.id === values.article) && <option value={values.article}>{t("filters.noClaimHere")}</option>}
        </select>
      </FormField>
      <FormField id="queue-author" label={t("filters.taggedBy")} error={errors.author}>
        <select id="queue-author" name="author" defaultValue={values.author ?? ""} aria-invalid={!!errors.author} aria-describedby={describedBy("author", "queue-author")}>
          <option value="">{t("filters.anyone")}</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
          {values.author && !authors.some((a) => a.id === values.author) && <option value={values.author}>{t("filters.noClaimOfTheirs")}</option>}
        </select>
      </FormField>
      <FormField id="queue-age" label={t("filters.olderThan")} error={errors.olderThan}>
        <input id="queue-age" name="olderThan" inputMode="numeric" defaultValue={values.olderThan ?? ""} aria-invalid={!!errors.olderThan} aria-describedby={describedBy("olderThan", "queue-age")} />
      </FormField>
      <div className="filter-actions">
        <button type="submit">{t("filters.filter")}</button>
        <Link href="/review">{t("filters.clear")}</Link>
      </div>
      {errors.after && <p className="field-error filter-page-error"><TranslatedMessage message={errors.after} /></p>}
    </form>
  );
}
