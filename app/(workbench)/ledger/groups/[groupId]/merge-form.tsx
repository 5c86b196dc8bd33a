"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { mergeGroupsAction } from "../actions";

interface Candidate {
  id: string;
  name: string;
  status: "PROPOSED" | "CONFIRMED";
  claimCount: number;
}

/**
 * Merges another group with this one: both report the same fact. The result is confirmed if either
 * was, and earlier "not the same" decisions between the two groups' claims are overridden. A
 * confirmed group keeps its id, so from a proposal's page the merge ends on the confirmed group's.
 */
export function MergeForm({ groupId, expectedUpdatedAt, candidates }: { groupId: string; expectedUpdatedAt: string; candidates: Candidate[] }) {
  const t = useTranslations("groups");
  const router = useRouter();
  const [failure, setFailure] = useState<ShownError | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ otherGroupId: string }>({ defaultValues: { otherGroupId: "" } });
  const submit = handleSubmit(async ({ otherGroupId }) => {
    setFailure(null);
    if (!otherGroupId) return setError("otherGroupId", { message: t("merge.chooseGroup") });
    const result = await sendAction(mergeGroupsAction, { groupId, expectedUpdatedAt, otherGroupId });
    // The confirmed group keeps its id: when that is the other one, this page's group is gone.
    if (result.ok) return result.data.groupId === groupId ? router.refresh() : router.push(`/ledger/groups/${result.data.groupId}`);
    const message = result.fieldErrors?.otherGroupId;
    if (message) setError("otherGroupId", { message });
    setFailure(shownError(result, !!message));
  });
  const error = formState.errors.otherGroupId?.message;
  if (candidates.length === 0) return <p className="muted small-print">{t("merge.none")}</p>;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("merge.label")} data-testid="merge-groups-form">
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={() => void submit()} />}
      <FormField id="merge-other" label={t("merge.field")} error={error}>
        <select id="merge-other" aria-invalid={!!error} aria-describedby={error ? fieldErrorId("merge-other") : undefined} {...register("otherGroupId")}>
          <option value="">{t("merge.choose")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {t("merge.option", { name: c.name, count: c.claimCount, status: c.status })}
            </option>
          ))}
        </select>
      </FormField>
      <p className="muted small-print">{t("merge.keepsConfirmed")}</p>
      <div>
        <button type="submit" className="secondary" disabled={formState.isSubmitting}>{t("merge.submit")}</button>
      </div>
    </form>
  );
}
