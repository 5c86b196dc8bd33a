"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { reopenClaimSchema } from "@/lib/review/review-schemas";
import type { z } from "zod";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { reopenClaimAction } from "./actions";

type ReopenInput = z.input<typeof reopenClaimSchema>;
const schemaResolver = zodResolver(reopenClaimSchema, undefined, { raw: true });

/** Puts a verified claim back in the queue; the reason goes into its history. */
export function ReopenForm({ claimId, version }: { claimId: string; version: number }) {
  const router = useRouter();
  const t = useTranslations("review");
  const [failure, setFailure] = useState<ShownError | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ReopenInput>({
    resolver: ((values, context, options) => schemaResolver({ ...values, claimId, expectedVersion: version }, context, options)) as Resolver<ReopenInput>,
    defaultValues: { claimId, expectedVersion: version, reason: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await sendAction(reopenClaimAction, values);
    if (result.ok) return router.refresh();
    const reason = result.fieldErrors?.reason;
    if (reason) setError("reason", { message: reason });
    setFailure(shownError(result, !!reason));
  });
  const error = formState.errors.reason?.message;
  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="reopen-form" aria-label={t("reopen.label")}>
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={() => void submit()} />}
      <FormField id="reopen-reason" label={t("reopen.reason")} error={error}>
        <textarea id="reopen-reason" rows={2} aria-invalid={!!error} aria-describedby={error ? fieldErrorId("reopen-reason") : undefined} {...register("reason")} />
      </FormField>
      <div>
        <button type="submit" className="secondary" disabled={formState.isSubmitting}>{t("reopen.submit")}</button>
      </div>
    </form>
  );
}
