"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type Path, type Resolver } from "react-hook-form";
import { fieldErrorId } from "@/app/_components/form-field";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { RATINGS } from "@/lib/review/rating-scale";
import { DECISIONS, decideClaimSchema, type DecideClaimFormInput } from "@/lib/review/review-schemas";
import { sendAction } from "@/app/_lib/send-action";
import { ActionError, shownError, type ShownError } from "@/app/_components/action-error";
import { decideClaimAction } from "./actions";

const schemaResolver = zodResolver(decideClaimSchema, undefined, { raw: true });

/** Approve with a verdict, send back, or dispute. The same schema validates here and on the server. */
export function DecisionForm({ claimId, version }: { claimId: string; version: number }) {
  const router = useRouter();
  const t = useTranslations("review");
  const l = useTranslations("labels");
  const translate = useTranslateMessage();
  const [failure, setFailure] = useState<ShownError | null>(null);
  const { register, handleSubmit, watch, setError, formState } = useForm<DecideClaimFormInput>({
    // The version travels with every decision: the server refuses it if the claim moved on. A
    // verdict picked before switching to "send back" is hidden, so it is not sent either.
    resolver: ((values, context, options) =>
      schemaResolver({ ...values, rating: values.decision === "APPROVE" ? values.rating : "", claimId, expectedVersion: version }, context, options)) as Resolver<DecideClaimFormInput>,
    defaultValues: { claimId, expectedVersion: version, decision: "APPROVE", rating: "", comment: "" },
  });
  const { errors, isSubmitting } = formState;
  const decision = watch("decision");

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await sendAction(decideClaimAction, values);
    if (result.ok) return router.refresh();
    const fields = Object.entries(result.fieldErrors ?? {}).filter(([field]) => field === "rating" || field === "comment");
    for (const [field, message] of fields) setError(field as Path<DecideClaimFormInput>, { message });
    setFailure(shownError(result, fields.length > 0));
  });

  return (
    <form className="stack decision-form" onSubmit={submit} noValidate data-testid="decision-form" aria-label={t("decision.label")}>
      {failure && <ActionError {...failure} onReload={() => setFailure(null)} onRetry={() => void submit()} />}
      <fieldset className="choices">
        <legend>{t("decision.label")}</legend>
        {DECISIONS.map((value) => (
          <label key={value}>
            <input type="radio" value={value} {...register("decision")} /> {t(`decision.${value}`)}
          </label>
        ))}
      </fieldset>
      {decision === "APPROVE" && (
        <fieldset className="choices" aria-describedby={errors.rating ? fieldErrorId("decision-rating") : undefined}>
          <legend>{t("decision.verdict")}</legend>
          {RATINGS.map((rating) => (
            <label key={rating}>
              <input type="radio" value={rating} aria-invalid={!!errors.rating} {...register("rating")} /> {l(`verdict.${rating}`)}
            </label>
          ))}
          {errors.rating && <span id={fieldErrorId("decision-rating")} className="field-error">{translate(errors.rating.message ?? "")}</span>}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="decision-comment">{decision === "APPROVE" ? t("decision.commentOptional") : t("decision.commentForEditor")}</label>
        <textarea
          id="decision-comment"
          rows={3}
          aria-invalid={!!errors.comment}
          aria-describedby={errors.comment ? fieldErrorId("decision-comment") : undefined}
          {...register("comment")}
        />
        {errors.comment && <span id={fieldErrorId("decision-comment")} className="field-error">{translate(errors.comment.message ?? "")}</span>}
      </div>
      <div>
        <button type="submit" disabled={isSubmitting}>{t("decision.submit")}</button>
      </div>
    </form>
  );
}
