"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { ClaimForm, type ClaimFormHandle, type ClaimFormResult } from "./claim-form";

interface NewClaimPanelProps {
  /** Which words are being tagged: a new choice starts the form afresh. */
  rangeKey: string;
  quote: string;
  defaults: ClaimFieldsInput;
  formRef: Ref<ClaimFormHandle>;
  onSubmit: (values: ClaimFieldsInput) => Promise<ClaimFormResult>;
  onCancel: () => void;
}

export function NewClaimPanel({ rangeKey, quote, defaults, formRef, onSubmit, onCancel }: NewClaimPanelProps) {
  const t = useTranslations("workbench.panel");
  return (
    <>
      <h2>{t("newClaim")}</h2>
      <ClaimForm
        key={`new-${rangeKey}`}
        ref={formRef}
        quote={quote}
        defaultValues={defaults}
        submitLabel={t("saveClaim")}
        onSubmit={onSubmit}
        onCancel={onCancel}
      />
    </>
  );
}
