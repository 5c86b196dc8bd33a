"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { confirmGroupSchema, type ConfirmGroupFormInput } from "@/lib/grouping/group-schemas";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { confirmGroupAction } from "../actions";

const schemaResolver = zodResolver(confirmGroupSchema, undefined, { raw: true });

/** Confirms that the claims report one fact, optionally naming it. */
export function ConfirmForm({ groupId, expectedUpdatedAt, label }: { groupId: string; expectedUpdatedAt: string; label: string | null }) {
  const t = useTranslations("groups");
  const router = useRouter();
  const [failure, setFailure] = useState<ShownError | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ConfirmGroupFormInput>({
    // The group's state travels with the change: the server refuses it if the group moved on.
    resolver: ((values, context, options) => schemaResolver({ ...values, groupId, expectedUpdatedAt }, context, options)) as Resolver<ConfirmGroupFormInput>,
    defaultValues: { groupId, expectedUpdatedAt, label: label ?? "" },
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await sendAction(confirmGroupAction, values);
    if (result.ok) return router.refresh();
    const message = result.fieldErrors?.label;
    if (message) setError("label", { message });
    setFailure(shownError(result, !!message));
  });
  const error = formState.errors.label?.message;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("confirm.label")} data-testid="confirm-group-form">
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={() => void submit()} />}
      <FormField id="group-label" label={t("confirm.field")} error={error}>
        <input id="group-label" placeholder={t("confirm.placeholder")} aria-invalid={!!error} aria-describedby={error ? fieldErrorId("group-label") : undefined} {...register("label")} />
      </FormField>
      <div>
        <button type="submit" disabled={formState.isSubmitting}>{t("confirm.submit")}</button>
      </div>
    </form>
  );
}
