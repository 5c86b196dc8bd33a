import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { TRANSLATED_UNITS, type FigureFormat } from "@/app/_lib/figure-summary";

/** figureSummary's words in the reader's language, for client components: figureSummary(claim, format). */
export function useFigureFormat(): FigureFormat {
  const locale = useLocale() as Locale;
  const l = useTranslations("labels");
  const t = useTranslations("workbench");
  return useMemo(
    () => ({
      locale,
      vague: l("figure.vague"),
      unit: (unit: string, count: number) => (TRANSLATED_UNITS.has(unit) ? t(`unit.${unit}`, { count }) : unit),
    }),
    [locale, l, t],
  );
}
