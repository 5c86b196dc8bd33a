import Link from "next/link";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import type { QueueField } from "@/lib/review/queue-query";
import { CATEGORY_LABEL } from "../articles/[id]/labels";

interface QueueFiltersProps {
  /** The raw values from the URL, shown back even when wrong so they can be fixed. */
  values: Partial<Record<QueueField, string>>;
  errors: Partial<Record<QueueField, string>>;
  articles: { id: string; title: string }[];
  authors: { id: string; name: string }[];
}

/** A plain GET form: the filters live in the URL. Submitting starts again at the first page. */
export function QueueFilters({ values, errors, articles, authors }: QueueFiltersProps) {
  const describedBy = (field: QueueField, id: string) => (errors[field] ? fieldErrorId(id) : undefined);
  return (
    <form method="get" action="/review" className="queue-filters card" role="search" aria-label="Filter the queue">
      <FormField id="queue-category" label="Category" error={errors.category}>
        <select id="queue-category" name="category" defaultValue={values.category ?? ""} aria-invalid={!!errors.category} aria-describedby={describedBy("category", "queue-category")}>
          <option value="">All categories</option>
          {CLAIM_CATEGORIES.map((c) => (
            <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>
          ))}
        </select>
      </FormField>
      <FormField id="queue-article" label="Article" error={errors.article}>
        <select id="queue-article" name="article" defaultValue={values.article ?? ""} aria-invalid={!!errors.article} aria-describedby={describedBy("article", "queue-article")}>
          <option value="">All articles</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>{a.title}</option>
          ))}
          {values.article && !articles.some((a) => a.id === values.article) && <option value={values.article}>(no claim awaits review here)</option>}
        </select>
      </FormField>
      <FormField id="queue-author" label="Tagged by" error={errors.author}>
        <select id="queue-author" name="author" defaultValue={values.author ?? ""} aria-invalid={!!errors.author} aria-describedby={describedBy("author", "queue-author")}>
          <option value="">Anyone</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
          {values.author && !authors.some((a) => a.id === values.author) && <option value={values.author}>(no claim of theirs awaits you)</option>}
        </select>
      </FormField>
      <FormField id="queue-age" label="Waiting more than (days)" error={errors.olderThan}>
        <input id="queue-age" name="olderThan" inputMode="numeric" defaultValue={values.olderThan ?? ""} aria-invalid={!!errors.olderThan} aria-describedby={describedBy("olderThan", "queue-age")} />
      </FormField>
      <div className="filter-actions">
        <button type="submit">Filter</button>
        <Link href="/review">Clear</Link>
      </div>
      {errors.after && <p className="field-error filter-page-error">{errors.after}</p>}
    </form>
  );
}
