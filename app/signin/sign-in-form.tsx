"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { useTranslateMessage } from "@/app/_components/translated-message";
import type { z } from "zod";
import { signInSchema } from "@/lib/users/user-schemas";

type SignInValues = z.input<typeof signInSchema>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signin");
  const translate = useTranslateMessage();
  const router = useRouter();
  // The server's own refusal (a message code, translated when shown), or {} for the generic one.
  const [formError, setFormError] = useState<{ message?: string } | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: SignInValues) {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(result?.error && result.error !== "CredentialsSignin" ? { message: result.error } : {});
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate>
      {formError && <p className="form-error" role="alert">{formError.message ? translate(formError.message) : t("wrongCredentials")}</p>}
      <FormField id="signin-email" label={t("email")} error={errors.email?.message}>
        <input id="signin-email" aria-describedby={errors.email ? fieldErrorId("signin-email") : undefined} type="email" autoComplete="username" autoFocus aria-invalid={!!errors.email} {...register("email")} />
      </FormField>
      <FormField id="signin-password" label={t("password")} error={errors.password?.message}>
        <input id="signin-password" aria-describedby={errors.password ? fieldErrorId("signin-password") : undefined} type="password" autoComplete="current-password" aria-invalid={!!errors.password} {...register("password")} />
      </FormField>
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? t("submitting") : t("submit")}</button>
    </form>
  );
}
