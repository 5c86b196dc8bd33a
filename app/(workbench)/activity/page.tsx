import type { Metadata } from "next";
import Link from "next/link";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { can } from "@/lib/auth/policy";
import { ACTIVITY_FIELDS, parseActivityQuery, type ActivityField } from "@/lib/review/activity-query";
import { ACTIVITY_ACTIONS } from "@/lib/review/describe-event";
import { listActivity } from "@/lib/review/list-activity";
import { listPeople } from "@/lib/review/list-people";
import type { SearchParams } from "@/lib/review/search-params";
import { requirePageActor } from "../../_lib/session";
import { formatTime } from "../review/format-time";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await requirePageActor("/activity");
  if (!can(actor, "audit.read")) {
    return <p className="form-error" role="alert">Your role does not allow reading the activity feed.</p>;
  }
  const parsed = parseActivityQuery(params);
  const people = await listPeople({ actor });
  const errors: Partial<Record<ActivityField, string>> = parsed.ok ? {} : { ...parsed.errors };
  const values = parsed.values;
  if (parsed.ok && parsed.filters.actorId && !people.some((p) => p.id === parsed.filters.actorId)) errors.person = "No such person.";
  const hasErrors = Object.keys(errors).length > 0;
  const feed = parsed.ok && !hasErrors ? await listActivity({ actor, filters: parsed.filters, before: parsed.before }) : null;
  const shared = new URLSearchParams();
  for (const field of ACTIVITY_FIELDS) if (field !== "before" && values[field]) shared.set(field, values[field]!);
  const describedBy = (field: ActivityField, id: string) => (errors[field] ? fieldErrorId(id) : undefined);

  return (
    <>
      <h1>Activity</h1>
      <form method="get" action="/activity" className="queue-filters card" role="search" aria-label="Filter activity">
        <FormField id="activity-person" label="Person" error={errors.person}>
          <select id="activity-person" name="person" defaultValue={values.person ?? ""} aria-invalid={!!errors.person} aria-describedby={describedBy("person", "activity-person")}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </FormField>
        <FormField id="activity-action" label="Action" error={errors.action}>
          <select id="activity-action" name="action" defaultValue={values.action ?? ""} aria-invalid={!!errors.action} aria-describedby={describedBy("action", "activity-action")}>
            <option value="">Any action</option>
            {Object.entries(ACTIVITY_ACTIONS).map(([action, label]) => (
              <option key={action} value={action}>{label}</option>
            ))}
          </select>
        </FormField>
        <FormField id="activity-from" label="From" error={errors.from}>
          <input id="activity-from" name="from" type="date" defaultValue={values.from ?? ""} aria-invalid={!!errors.from} aria-describedby={describedBy("from", "activity-from")} />
        </FormField>
        <FormField id="activity-to" label="To" error={errors.to}>
          <input id="activity-to" name="to" type="date" defaultValue={values.to ?? ""} aria-invalid={!!errors.to} aria-describedby={describedBy("to", "activity-to")} />
        </FormField>
        <div className="filter-actions">
          <button type="submit">Filter</button>
          <Link href="/activity">Clear</Link>
        </div>
        {errors.before && <p className="field-error filter-page-error">{errors.before}</p>}
      </form>
      {!feed ? (
        <p className="form-error" role="alert">These filters cannot be applied: correct the fields marked above.</p>
      ) : feed.items.length === 0 ? (
        <p className="muted">{shared.size > 0 || values.before ? "No activity matches these filters." : "Nothing has happened yet."}</p>
      ) : (
        <>
          <ol className="history-list card" data-testid="activity">
            {feed.items.map((item) => (
              <li key={item.id.toString()}>
                <time dateTime={item.at.toISOString()} className="muted">{formatTime(item.at)}</time> <span>{item.line}</span>
                {item.claimId && (
                  <>
                    {" "}
                    <Link href={`/review/${item.claimId}`}>claim</Link>
                  </>
                )}
              </li>
            ))}
          </ol>
          <nav className="pagination" aria-label="Pages">
            {values.before && <Link href={`/activity?${shared}`}>Newest</Link>}
            {feed.next && <Link href={`/activity?${new URLSearchParams([...shared, ["before", feed.next.toString()]])}`}>Older</Link>}
          </nav>
        </>
      )}
    </>
  );
}
