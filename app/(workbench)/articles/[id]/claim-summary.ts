"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { formatFigure } from "@/lib/i18n/figure";
import type { Locale } from "@/lib/i18n/locales";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";

/** "Vote share: > 70 % (draft) · ОСК": a claim in one line, for the list and the highlight's title. */
export function useClaimSummary() {
  const t = useTranslations("workbench");
  const l = useTranslations("labels");
  const locale = useLocale() as Locale;
  return useCallback(
    (claim: ArticleClaim) =>
      [
        t("summary.claim", { category: l(`category.${claim.category}`), figure: formatFigure(claim, locale) || "—", status: l(`status.${claim.status}`) }),
        claim.claimant,
      ]
        .filter(Boolean)
        .join(" · "),
    [t, l, locale],
  );
}
