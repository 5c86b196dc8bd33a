"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { changeOwnPasswordFormSchema } from "@/lib/users/user-schemas";
import { changeOwnPasswordAction } from "./actions";

type Values = z.input<typeof changeOwnPasswordFormSchema>;
const FIELDS = ["currentPassword", "newPassword", "repeatPassword"] as const;

/** The signed-in user's own new password. Its success ends this session too: on to sign in again. */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [formError, setFormError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(changeOwnPasswordFormSchema),
    defaultValues: { currentPassword: "", newPassword: "", repeatPassword: "" },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: Values) {
    setFormError(null);
    setNotDelivered(false);
    // The repeat is the form's own check; the server is sent only the two it needs.
    const result = await sendAction(changeOwnPasswordAction, { currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (isNotDelivered(result)) return setNotDelivered(true);
    if (result.ok) {
      reset({ currentPassword: "", newPassword: "", repeatPassword: "" });
      setDone(true);
      // The new password ended every session signed in before it, this one included.
      await signOut({ callbackUrl: "/signin?passwordChanged=1" });
      return;
    }
    const field = FIELDS.find((name) => result.fieldErrors?.[name]);
    if (field) setError(field, { message: result.fieldErrors![field] }, { shouldFocus: true });
    else setFormError(result.error);
  }

  const input = (name: (typeof FIELDS)[number], autoComplete: string) => {
    const id = `account-${name}`;
    return (
      <FormField id={id} label={t(`password.${name}`)} error={errors[name]?.message}>
        <input id={id} type="password" autoComplete={autoComplete} aria-describedby={errors[name] ? fieldErrorId(id) : undefined} aria-invalid={!!errors[name]} {...register(name)} />
      </FormField>
    );
  };

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t("password.heading")}>
      {formError && <p className="form-error" role="alert"><TranslatedMessage message={formError} /></p>}
      {notDelivered && <NotDeliveredMessage onRetry={() => void handleSubmit(onSubmit)()} busy={formState.isSubmitting} />}
      {done && <p className="notice" role="status">{t("password.done")}</p>}
      {input("currentPassword", "current-password")}
      {input("newPassword", "new-password")}
      {input("repeatPassword", "new-password")}
      <div>
        <button type="submit" disabled={isSubmitting || done}>{isSubmitting ? t("password.submitting") : t("password.submit")}</button>
      </div>
    </form>
  );
}
