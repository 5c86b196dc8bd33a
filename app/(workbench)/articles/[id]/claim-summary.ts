"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useFigureFormat } from "@/app/_lib/figure-format";
import { figureSummary } from "@/app/_lib/figure-summary";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";

/** "Vote share: > 70 % (draft) · ОСК": a claim in one line, for the list and the highlight's title. */
export function useClaimSummary() {
  const t = useTranslations("workbench");
  const l = useTranslations("labels");
  const figureFormat = useFigureFormat();
  return useCallback(
    (claim: ArticleClaim) =>
      [
        t("summary.claim", { category: l(`category.${claim.category}`), figure: figureSummary(claim, figureFormat) || "—", status: l(`status.${claim.status}`) }),
        claim.claimant,
      ]
        .filter(Boolean)
        .join(" · "),
    [t, l, figureFormat],
  );
}
