"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { setUserPasswordSchema } from "@/lib/users/user-schemas";
import { setUserPasswordAction } from "./actions";

type Values = z.input<typeof setUserPasswordSchema>;

interface SetPasswordFormProps {
  user: { id: string; email: string; active: boolean };
  onClose(): void;
}

/** An admin's new password for one user, under that user's row. */
export function SetPasswordForm({ user, onClose }: SetPasswordFormProps) {
  const t = useTranslations("users");
  const [formError, setFormError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(setUserPasswordSchema),
    defaultValues: { userId: user.id, password: "" },
  });
  const { errors, isSubmitting } = formState;
  const id = `password-${user.id}`;

  async function onSubmit(values: Values) {
    setFormError(null);
    setNotDelivered(false);
    setDone(false);
    const result = await sendAction(setUserPasswordAction, values);
    if (isNotDelivered(result)) return setNotDelivered(true);
    if (result.ok) {
      setDone(true);
      // The password is not kept on the page once it is set.
      reset({ userId: user.id, password: "" });
      return;
    }
    // The server validates again with the same schema; its field errors land beside the field.
    if (result.fieldErrors?.password) setError("password", { message: result.fieldErrors.password });
    else setFormError(result.error);
  }

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t("password.formLabel", { email: user.email })}>
      {formError && <p className="form-error" role="alert"><TranslatedMessage message={formError} /></p>}
      {notDelivered && <NotDeliveredMessage onRetry={() => void handleSubmit(onSubmit)()} busy={formState.isSubmitting} />}
      {done && (
        <p className="notice" role="status">
          {t("password.done", { email: user.email })}
          {!user.active && <> {t("password.stillDeactivated")}</>}
        </p>
      )}
      <input type="hidden" {...register("userId")} />
      <FormField id={id} label={t("password.label", { email: user.email })} error={errors.password?.message}>
        <input id={id} type="password" autoComplete="new-password" aria-describedby={errors.password ? fieldErrorId(id) : undefined} aria-invalid={!!errors.password} {...register("password")} />
      </FormField>
      <div>
        <button type="submit" disabled={isSubmitting}>{isSubmitting ? t("password.submitting") : t("password.submit")}</button>{" "}
        <button type="button" className="secondary" onClick={onClose}>{t("password.close")}</button>
      </div>
    </form>
  );
}
