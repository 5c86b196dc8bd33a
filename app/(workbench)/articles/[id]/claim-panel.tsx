"use client";

import { useTranslations } from "next-intl";
import type { ClaimDetails } from "@/lib/claims/get-claim-details";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import { ClaimDetails as ClaimDetailsSection } from "./claim-details";
import { ClaimThread } from "./claim-thread";

interface ClaimPanelProps {
  claim: ArticleClaim;
  details: ClaimDetails | null;
  /** Other claims on the same words, to switch to. */
  alsoHere: ArticleClaim[];
  busy: boolean;
  onShowList: () => void;
  onOpen: (claimId: string) => void;
  onEdit: () => void;
  onDelete: () => void;
  onSubmitForReview: () => void;
  onReattach: () => void;
}

/**
 * One claim open: its details, the review thread with a reply form, the buttons its permissions
 * allow, and re-attaching it if its words were lost.
 */
export function ClaimPanel({ claim, details, alsoHere, busy, onShowList, onOpen, onEdit, onDelete, onSubmitForReview, onReattach }: ClaimPanelProps) {
  const t = useTranslations("workbench");
  return (
    <>
      <div className="panel-head">
        <h2>{t("panel.claim")}</h2>
        <button type="button" className="secondary small" onClick={onShowList}>{t("panel.allClaims")}</button>
      </div>
      {alsoHere.length > 0 && (
        <p className="muted">
          {t("panel.alsoHere")}{" "}
          {alsoHere.map((other) => (
            <button key={other.id} type="button" className="link" onClick={() => onOpen(other.id)}>
              {other.quote}
            </button>
          ))}
        </p>
      )}
      <ClaimDetailsSection
        claim={claim}
        details={details}
        busy={busy}
        onEdit={onEdit}
        onDelete={onDelete}
        onSubmitForReview={onSubmitForReview}
        thread={<ClaimThread claim={claim} />}
      />
      {claim.anchorStatus === "ORPHANED" && claim.permissions.canEdit && (
        <div className="notice" data-testid="reattach">
          <p>{t("reattach.prompt")}</p>
          <button type="button" disabled={busy} onClick={onReattach}>{t("reattach.button")}</button>
        </div>
      )}
    </>
  );
}
