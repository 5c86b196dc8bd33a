import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import type { GroupListField } from "@/lib/grouping/group-schemas";
import { codeTranslator } from "../../../_lib/code-translator";
import type { ShownMessage } from "@/lib/i18n/coded-message";

interface GroupFiltersProps {
  /** The raw values from the URL, shown back even when wrong so they can be fixed. */
  values: Partial<Record<GroupListField, string>>;
  errors: Partial<Record<GroupListField, ShownMessage>>;
}

/** A plain GET form: the filters live in the URL. Filtering starts again at the first page. */
export async function GroupFilters({ values, errors }: GroupFiltersProps) {
  const t = await getTranslations("groups");
  const l = await getTranslations("labels");
  const translate = await codeTranslator();
  const describedBy = (field: GroupListField, id: string) => (errors[field] ? fieldErrorId(id) : undefined);
  return (
    <form method="get" action="/ledger/groups" className="queue-filters card group-filters" role="search" aria-label={t("filters.label")}>
      <FormField id="groups-status" label={t("filters.status")} error={errors.status}>
        <select id="groups-status" name="status" defaultValue={values.status ?? ""} aria-invalid={!!errors.status} aria-describedby={describedBy("status", "groups-status")}>
          <option value="">{t("filters.anyStatus")}</option>
          <option value="PROPOSED">{t("filters.proposed")}</option>
          <option value="CONFIRMED">{t("filters.confirmed")}</option>
        </select>
      </FormField>
      <FormField id="groups-category" label={t("filters.category")} error={errors.category}>
        <select id="groups-category" name="category" defaultValue={values.category ?? ""} aria-invalid={!!errors.category} aria-describedby={describedBy("category", "groups-category")}>
          <option value="">{t("filters.allCategories")}</option>
          {CLAIM_CATEGORIES.map((c) => (
            <option key={c} value={c}>{l(`category.${c}`)}</option>
          ))}
        </select>
      </FormField>
      <div className="field">
        <label className="filter-check">
          <input type="checkbox" name="conflict" value="yes" defaultChecked={values.conflict === "yes"} aria-invalid={!!errors.conflict} aria-describedby={describedBy("conflict", "groups-conflict")} />{" "}
          {t("filters.conflictOnly")}
        </label>
        {errors.conflict && <span id={fieldErrorId("groups-conflict")} className="field-error">{translate(errors.conflict)}</span>}
      </div>
      <div className="filter-actions">
        <button type="submit">{t("filters.submit")}</button>
        <Link href="/ledger/groups">{t("filters.clear")}</Link>
      </div>
      {errors.after && <p className="field-error filter-page-error">{translate(errors.after)}</p>}
    </form>
  );
}
