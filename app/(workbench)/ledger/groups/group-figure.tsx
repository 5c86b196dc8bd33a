import { getLocale, getTranslations } from "next-intl/server";
import type { GroupClaimSummary } from "@/lib/grouping/group-claims";
import { formatFigure } from "@/lib/i18n/figure";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** "≈ 4 000 адам (шамамен)": a claim's figure as read, with its qualifier in words. */
export async function GroupFigure({ claim }: { claim: Pick<GroupClaimSummary, "value" | "min" | "max" | "unit" | "qualifier"> }) {
  const l = await getTranslations("labels");
  const locale = (await getLocale()) as Locale;
  return (
    <span className="ledger-figure">
      {formatFigure(claim, locale) || "—"} <span className="muted">({l(`qualifier.${claim.qualifier}`)})</span>
    </span>
  );
}

/**
 * An article's title cut for a list: imported articles often take their whole first paragraph as
 * the title.
 */
export function shortTitle(title: string, length = 60) {
  return title.length > length ? `${title.slice(0, length - 1).trimEnd()}…` : title;
}

/** "Azattyq, 12 қаңтар 2021": where a claim was published. */
export function articlePlace(article: { outlet: string | null; publishedAt: string | null }, locale: Locale) {
  return [article.outlet, article.publishedAt && formatDay(article.publishedAt, locale)].filter(Boolean).join(", ");
}
