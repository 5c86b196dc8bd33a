"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { isUnitCode, UNIT_WORDS, unitName, type UnitGroup } from "@/lib/i18n/unit-words";

// Not a unit code, so the choice of typing one never reads as a unit.
const OTHER = "-other-";
const GROUPS: UnitGroup[] = ["share", "people", "time", "money", "measure", "counted"];
// The table's order within a group (most used first), not the alphabet: the server has Kazakh
// collation data and a browser may not, and the list must read the same in both.
const UNITS_BY_GROUP = new Map(GROUPS.map((group) => [group, Object.keys(UNIT_WORDS).filter((code) => UNIT_WORDS[code].group === group)]));

interface UnitChoiceProps {
  id: string;
  value: string;
  onChange: (unit: string) => void;
  onBlur: () => void;
  invalid: boolean;
  describedBy?: string;
}

/**
 * A claim's unit: one of the units Derek knows, named in the reader's language and stored as its
 * code, or any other unit typed as it should read ("гектар жер").
 */
export function UnitChoice({ id, value, onChange, onBlur, invalid, describedBy }: UnitChoiceProps) {
  const t = useTranslations("workbench");
  const locale = useLocale() as Locale;
  const [typing, setTyping] = useState(value !== "" && !isUnitCode(value));
  const chosen = typing ? OTHER : value;
  return (
    <>
      <select
        id={id}
        value={chosen}
        aria-invalid={invalid && !typing}
        aria-describedby={typing ? undefined : describedBy}
        onBlur={onBlur}
        onChange={(event) => {
          const next = event.target.value;
          setTyping(next === OTHER);
          onChange(next === OTHER ? "" : next);
        }}
      >
        <option value="">{t("form.noUnit")}</option>
        {GROUPS.map((group) => (
          <optgroup key={group} label={t(`form.unitGroup.${group}`)}>
            {UNITS_BY_GROUP.get(group)!.map((code) => (
              <option key={code} value={code}>{unitName(code, locale)}</option>
            ))}
          </optgroup>
        ))}
        <option value={OTHER}>{t("form.otherUnit")}</option>
      </select>
      {typing && (
        <input
          id={`${id}-typed`}
          aria-label={t("form.otherUnitLabel")}
          placeholder={t("form.otherUnitPlaceholder")}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onBlur={onBlur}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </>
  );
}
