"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { formatFigure } from "@/lib/i18n/figure";
import type { Locale } from "@/lib/i18n/locales";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";

/** "Vote share: > 70 % (draft) · ОСК": a claim in one line, for the list and the highlight's title. */
export function useClaimSummary() {
  const t = useTranslations("workbench");
  const l = useTranslations("labels");
  const locale = useLocale() as Locale;
  return useMemo(() => {
    // Every action redraws all highlights, titled with this line; a claim the action did not
    // change is the same object (claim-changes.ts), so its line is not written again.
    const lines = new WeakMap<ArticleClaim, string>();
    return (claim: ArticleClaim) => {
      let line = lines.get(claim);
      if (line === undefined) {
        line = [
          t("summary.claim", { category: l(`category.${claim.category}`), figure: formatFigure(claim, locale) || "—", status: l(`status.${claim.status}`) }),
          claim.claimant,
        ]
          .filter(Boolean)
          .join(" · ");
        lines.set(claim, line);
      }
      return line;
    };
  }, [t, l, locale]);
}
