"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { addClaimToGroupSchema, type AddClaimToGroupFormInput } from "@/lib/grouping/group-schemas";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { addClaimToGroupAction } from "../actions";

const schemaResolver = zodResolver(addClaimToGroupSchema, undefined, { raw: true });

/** Adds a claim the proposals missed, named by its review link or id. */
export function AddClaimForm({ groupId, expectedUpdatedAt }: { groupId: string; expectedUpdatedAt: string }) {
  const t = useTranslations("groups");
  const router = useRouter();
  const [failure, setFailure] = useState<ShownError | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<AddClaimToGroupFormInput>({
    resolver: ((values, context, options) => schemaResolver({ ...values, groupId, expectedUpdatedAt }, context, options)) as Resolver<AddClaimToGroupFormInput>,
    defaultValues: { groupId, expectedUpdatedAt, claim: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await sendAction(addClaimToGroupAction, values);
    if (result.ok) {
      reset({ groupId, expectedUpdatedAt, claim: "" });
      return router.refresh();
    }
    const message = result.fieldErrors?.claim;
    if (message) setError("claim", { message });
    setFailure(shownError(result, !!message));
  });
  const error = formState.errors.claim?.message;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("add.label")} data-testid="add-claim-form">
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={() => void submit()} />}
      <FormField id="add-claim" label={t("add.field")} error={error}>
        <input id="add-claim" placeholder={t("add.placeholder")} aria-invalid={!!error} aria-describedby={error ? fieldErrorId("add-claim") : undefined} {...register("claim")} />
      </FormField>
      <div>
        <button type="submit" className="secondary" disabled={formState.isSubmitting}>{t("add.submit")}</button>
      </div>
    </form>
  );
}
