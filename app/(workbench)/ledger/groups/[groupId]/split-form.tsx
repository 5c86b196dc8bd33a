"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { fieldErrorId } from "@/app/_components/form-field";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { splitGroupAction } from "../actions";

interface Member {
  id: string;
  name: string;
}

/**
 * Splits the group: the ticked claims report another fact and become a group of their own (or
 * leave, if only one is ticked). Neither part is proposed with the other again.
 */
export function SplitForm({ groupId, expectedUpdatedAt, members }: { groupId: string; expectedUpdatedAt: string; members: Member[] }) {
  const t = useTranslations("groups");
  const translate = useTranslateMessage();
  const router = useRouter();
  const [failure, setFailure] = useState<ShownError | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ claimIds: string[] }>({ defaultValues: { claimIds: [] } });
  const submit = handleSubmit(async ({ claimIds }) => {
    setFailure(null);
    // Checked on the server by the same schema; a missing tick is said here, next to the boxes.
    if (claimIds.length === 0) return setError("claimIds", { message: t("split.tickOne") });
    const result = await sendAction(splitGroupAction, { groupId, expectedUpdatedAt, claimIds });
    if (result.ok) {
      if (result.data.groupId) return router.refresh();
      return router.push(result.data.newGroupId ? `/ledger/groups/${result.data.newGroupId}` : "/ledger/groups");
    }
    const message = result.fieldErrors?.claimIds;
    if (message) setError("claimIds", { message });
    setFailure(shownError(result, !!message));
  });
  const error = formState.errors.claimIds?.message;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("split.label")} data-testid="split-group-form">
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={() => void submit()} />}
      <fieldset className="choices split-choices" aria-describedby={error ? fieldErrorId("split-claims") : undefined}>
        <legend>{t("split.legend")}</legend>
        {members.map((m) => (
          <label key={m.id}>
            <input type="checkbox" value={m.id} aria-invalid={!!error} {...register("claimIds")} /> <span lang="kk">{m.name}</span>
          </label>
        ))}
        {error && <span id={fieldErrorId("split-claims")} className="field-error">{translate(error)}</span>}
      </fieldset>
      <div>
        <button type="submit" className="secondary" disabled={formState.isSubmitting}>{t("split.submit")}</button>
      </div>
    </form>
  );
}
