"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import type { z } from "zod";
import { signInSchema } from "@/lib/users/user-schemas";

type SignInValues = z.input<typeof signInSchema>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: SignInValues) {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate>
      {formError && <p className="form-error" role="alert">{formError}</p>}
      <FormField id="signin-email" label="Email" error={errors.email?.message}>
        <input id="signin-email" aria-describedby={errors.email ? fieldErrorId("signin-email") : undefined} type="email" autoComplete="username" autoFocus aria-invalid={!!errors.email} {...register("email")} />
      </FormField>
      <FormField id="signin-password" label="Password" error={errors.password?.message}>
        <input id="signin-password" aria-describedby={errors.password ? fieldErrorId("signin-password") : undefined} type="password" autoComplete="current-password" aria-invalid={!!errors.password} {...register("password")} />
      </FormField>
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? "Signing in…" : "Sign in"}</button>
    </form>
  );
}
