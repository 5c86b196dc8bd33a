import Link from "next/link";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import type { GroupListField } from "@/lib/grouping/group-schemas";
import { CATEGORY_LABEL } from "../../articles/[id]/labels";

interface GroupFiltersProps {
  /** The raw values from the URL, shown back even when wrong so they can be fixed. */
  values: Partial<Record<GroupListField, string>>;
  errors: Partial<Record<GroupListField, string>>;
}

/** A plain GET form: the filters live in the URL. Filtering starts again at the first page. */
export function GroupFilters({ values, errors }: GroupFiltersProps) {
  const describedBy = (field: GroupListField, id: string) => (errors[field] ? fieldErrorId(id) : undefined);
  return (
    <form method="get" action="/ledger/groups" className="queue-filters card group-filters" role="search" aria-label="Filter the groups">
      <FormField id="groups-status" label="Status" error={errors.status}>
        <select id="groups-status" name="status" defaultValue={values.status ?? ""} aria-invalid={!!errors.status} aria-describedby={describedBy("status", "groups-status")}>
          <option value="">Proposed and confirmed</option>
          <option value="PROPOSED">Proposed</option>
          <option value="CONFIRMED">Confirmed</option>
        </select>
      </FormField>
      <FormField id="groups-category" label="Category" error={errors.category}>
        <select id="groups-category" name="category" defaultValue={values.category ?? ""} aria-invalid={!!errors.category} aria-describedby={describedBy("category", "groups-category")}>
          <option value="">All categories</option>
          {CLAIM_CATEGORIES.map((c) => (
            <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>
          ))}
        </select>
      </FormField>
      <div className="field">
        <label className="filter-check">
          <input type="checkbox" name="conflict" value="yes" defaultChecked={values.conflict === "yes"} aria-invalid={!!errors.conflict} aria-describedby={describedBy("conflict", "groups-conflict")} />{" "}
          Only groups with conflicting figures
        </label>
        {errors.conflict && <span id={fieldErrorId("groups-conflict")} className="field-error">{errors.conflict}</span>}
      </div>
      <div className="filter-actions">
        <button type="submit">Filter</button>
        <Link href="/ledger/groups">Clear</Link>
      </div>
      {errors.after && <p className="field-error filter-page-error">{errors.after}</p>}
    </form>
  );
}
