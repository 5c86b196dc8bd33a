"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import type { ClaimDetails } from "@/lib/claims/get-claim-details";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";
import { defaultsFromClaim } from "./claim-defaults";
import { ClaimForm, type ClaimFormHandle, type ClaimFormResult } from "./claim-form";

interface EditClaimPanelProps {
  claim: ArticleClaim;
  /** The claim's sources and note, which the form starts from; null while they load. */
  details: ClaimDetails | null;
  formRef: Ref<ClaimFormHandle>;
  onSubmit: (values: ClaimFieldsInput) => Promise<ClaimFormResult>;
  onCancel: () => void;
}

export function EditClaimPanel({ claim, details, formRef, onSubmit, onCancel }: EditClaimPanelProps) {
  const t = useTranslations("workbench.panel");
  if (!details) return <p className="muted">{t("loading")}</p>;
  return (
    <>
      <h2>{t("editClaim")}</h2>
      <ClaimForm
        key={`edit-${claim.id}-${claim.version}`}
        ref={formRef}
        quote={claim.quote}
        defaultValues={defaultsFromClaim(claim, details)}
        chosenSources={details.sources.map((s) => s.source)}
        submitLabel={t("saveChanges")}
        onSubmit={onSubmit}
        onCancel={onCancel}
      />
    </>
  );
}
