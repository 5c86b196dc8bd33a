import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DateInput } from "@/app/_components/date-input";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import { can } from "@/lib/auth/policy";
import { formatMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { ACTIVITY_FIELDS, parseActivityQuery, type ActivityField } from "@/lib/review/activity-query";
import { ACTIVITY_ACTIONS } from "@/lib/review/describe-event";
import { listActivity } from "@/lib/review/list-activity";
import { listPeople } from "@/lib/review/list-people";
import type { SearchParams } from "@/lib/core/search-params";
import type { ShownMessage } from "@/lib/i18n/coded-message";
import { requirePageActor } from "../../_lib/session";
import { eventLineText } from "./event-line";

export async function generateMetadata() {
  const t = await getTranslations("activity");
  return { title: t("title") };
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/activity");
  const t = await getTranslations("activity");
  if (!can(actor, "audit.read")) {
    return <p className="form-error" role="alert">{t("refused")}</p>;
  }
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  const parsed = parseActivityQuery(params);
  const people = await listPeople({ actor });
  const errors: Partial<Record<ActivityField, ShownMessage>> = parsed.ok ? {} : parsed.errors;
  const values = parsed.values;
  if (parsed.ok && parsed.filters.actorId && !people.some((p) => p.id === parsed.filters.actorId)) errors.person = t("noSuchPerson");
  const hasErrors = Object.keys(errors).length > 0;
  const feed = parsed.ok && !hasErrors ? await listActivity({ actor, filters: parsed.filters, before: parsed.before }) : null;
  const shared = new URLSearchParams();
  for (const field of ACTIVITY_FIELDS) if (field !== "before" && values[field]) shared.set(field, values[field]!);
  const describedBy = (field: ActivityField, id: string) => (errors[field] ? fieldErrorId(id) : undefined);

  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" action="/activity" className="queue-filters card" role="search" aria-label={t("filterLabel")}>
        <FormField id="activity-person" label={t("person")} error={errors.person}>
          <select id="activity-person" name="person" defaultValue={values.person ?? ""} aria-invalid={!!errors.person} aria-describedby={describedBy("person", "activity-person")}>
            <option value="">{t("everyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </FormField>
        <FormField id="activity-action" label={t("actionFilter")} error={errors.action}>
          <select id="activity-action" name="action" defaultValue={values.action ?? ""} aria-invalid={!!errors.action} aria-describedby={describedBy("action", "activity-action")}>
            <option value="">{t("anyAction")}</option>
            {Object.keys(ACTIVITY_ACTIONS).map((action) => (
              <option key={action} value={action}>{t(`action.${action}`)}</option>
            ))}
          </select>
        </FormField>
        <FormField id="activity-from" label={t("from")} error={errors.from}>
          <DateInput id="activity-from" name="from" defaultValue={values.from ?? ""} aria-invalid={!!errors.from} aria-describedby={describedBy("from", "activity-from")} />
        </FormField>
        <FormField id="activity-to" label={t("to")} error={errors.to}>
          <DateInput id="activity-to" name="to" defaultValue={values.to ?? ""} aria-invalid={!!errors.to} aria-describedby={describedBy("to", "activity-to")} />
        </FormField>
        <div className="filter-actions">
          <button type="submit">{t("filter")}</button>
          <Link href="/activity">{t("clear")}</Link>
        </div>
        {errors.before && <p className="field-error filter-page-error"><TranslatedMessage message={errors.before} /></p>}
      </form>
      {!feed ? (
        <p className="form-error" role="alert">{t("filtersInvalid")}</p>
      ) : feed.items.length === 0 ? (
        <p className="muted">{shared.size > 0 || values.before ? t("noMatch") : t("empty")}</p>
      ) : (
        <>
          <ol className="history-list card" data-testid="activity">
            {feed.items.map((item) => (
              <li key={item.id.toString()}>
                <time dateTime={item.at.toISOString()} className="muted">{formatMoment(item.at, locale)}</time> <span>{eventLineText(item.line, t, l)}</span>
                {item.claimId && (
                  <>
                    {" "}
                    <Link href={`/review/${item.claimId}`}>{t("claimLink")}</Link>
                  </>
                )}
              </li>
            ))}
          </ol>
          <nav className="pagination" aria-label={t("pages")}>
            {values.before && <Link href={`/activity?${shared}`}>{t("newest")}</Link>}
            {feed.next && <Link href={`/activity?${new URLSearchParams([...shared, ["before", feed.next.toString()]])}`}>{t("older")}</Link>}
          </nav>
        </>
      )}
    </>
  );
}
