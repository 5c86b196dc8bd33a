"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { reassignClaimAction } from "./actions";

interface ReassignFormProps {
  claimId: string;
  version: number;
  assigneeId: string | null;
  reviewers: { id: string; name: string }[];
}

/** Admins name the reviewer who should decide the claim (it leads their queue), or nobody. */
export function ReassignForm({ claimId, version, assigneeId, reviewers }: ReassignFormProps) {
  const router = useRouter();
  const t = useTranslations("review");
  const [choice, setChoice] = useState(assigneeId ?? "");
  const [failure, setFailure] = useState<ShownError | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, startTransition] = useTransition();

  function send() {
    startTransition(async () => {
      setFailure(null);
      setFieldError(undefined);
      const result = await sendAction(reassignClaimAction, { claimId, expectedVersion: version, assigneeId: choice });
      if (result.ok) return router.refresh();
      const message = result.fieldErrors?.assigneeId;
      setFieldError(message);
      setFailure(shownError(result, !!message));
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    send();
  }

  return (
    <form className="stack" onSubmit={submit} data-testid="reassign-form" aria-label={t("reassign.label")}>
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={send} />}
      <FormField id="reassign-reviewer" label={t("reassign.reviewer")} error={fieldError}>
        <select id="reassign-reviewer" value={choice} onChange={(e) => setChoice(e.target.value)} aria-invalid={!!fieldError} aria-describedby={fieldError ? fieldErrorId("reassign-reviewer") : undefined}>
          <option value="">{t("reassign.nobody")}</option>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </FormField>
      <div>
        <button type="submit" className="secondary" disabled={busy || choice === (assigneeId ?? "")}>{t("reassign.submit")}</button>
      </div>
    </form>
  );
}
