import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { TRANSLATED_UNITS, type FigureFormat } from "@/app/_lib/figure-summary";

/** figureSummary's words in the request's language, for server components: figureSummary(claim, await getFigureFormat()). */
export async function getFigureFormat(): Promise<FigureFormat> {
  const locale = (await getLocale()) as Locale;
  const l = await getTranslations("labels");
  const t = await getTranslations("workbench");
  return {
    locale,
    vague: l("figure.vague"),
    unit: (unit, count) => (TRANSLATED_UNITS.has(unit) ? t(`unit.${unit}`, { count }) : unit),
  };
}
