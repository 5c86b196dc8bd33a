"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/**
 * Copies the address of the claim open in the panel (/articles/<id>?claim=<claimId>), to paste into
 * chat. Where the browser gives no clipboard (a plain-HTTP address other than localhost), the link
 * is shown selected instead, to copy by hand.
 */
export function CopyClaimLink({ articleId, claimId }: { articleId: string; claimId: string }) {
  const t = useTranslations("workbench.link");
  const [state, setState] = useState<{ claimId: string; outcome: "copied" | "byHand" } | null>(null);
  const shown = state?.claimId === claimId ? state.outcome : null;
  const url = () => `${window.location.origin}/articles/${articleId}?claim=${claimId}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url());
      setState({ claimId, outcome: "copied" });
    } catch {
      setState({ claimId, outcome: "byHand" });
    }
  }

  return (
    <div className="copy-claim-link">
      <button type="button" className="secondary small" onClick={copy}>{t("copy")}</button>
      <span role="status" className="muted small-print">{shown === "copied" ? t("copied") : ""}</span>
      {shown === "byHand" && (
        <label className="small-print">
          {t("byHand")}
          <input type="text" readOnly value={url()} autoFocus onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
