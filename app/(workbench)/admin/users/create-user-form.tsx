"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { TranslatedMessage } from "@/app/_components/translated-message";
import type { z } from "zod";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { createUserSchema, ROLES } from "@/lib/users/user-schemas";
import { createUserAction } from "./actions";

type Values = z.input<typeof createUserSchema>;

export function CreateUserForm() {
  const t = useTranslations("users");
  const [formError, setFormError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { role: "EDITOR" },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: Values) {
    setFormError(null);
    setNotDelivered(false);
    setCreated(null);
    const result = await sendAction(createUserAction, values);
    if (isNotDelivered(result)) return setNotDelivered(true);
    if (result.ok) {
      setCreated(result.data.email);
      reset({ role: "EDITOR", email: "", name: "", password: "" });
      return;
    }
    // The server validates again with the same schema; its field errors land beside the fields.
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field in createUserSchema.shape) setError(field as keyof Values, { message });
    }
    if (!result.fieldErrors) setFormError(result.error);
  }

  return (
    <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate>
      {formError && <p className="form-error" role="alert"><TranslatedMessage message={formError} /></p>}
      {notDelivered && <NotDeliveredMessage onRetry={() => void handleSubmit(onSubmit)()} busy={formState.isSubmitting} />}
      {created && <p className="notice" role="status">{t("form.created", { email: created })}</p>}
      <FormField id="new-user-name" label={t("form.name")} error={errors.name?.message}>
        <input id="new-user-name" aria-describedby={errors.name ? fieldErrorId("new-user-name") : undefined} aria-invalid={!!errors.name} {...register("name")} />
      </FormField>
      <FormField id="new-user-email" label={t("form.email")} error={errors.email?.message}>
        <input id="new-user-email" aria-describedby={errors.email ? fieldErrorId("new-user-email") : undefined} type="email" aria-invalid={!!errors.email} {...register("email")} />
      </FormField>
      <FormField id="new-user-role" label={t("form.role")} error={errors.role?.message}>
        <select id="new-user-role" aria-describedby={errors.role ? fieldErrorId("new-user-role") : undefined} aria-invalid={!!errors.role} {...register("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>{t(`roleOption.${role}`)}</option>
          ))}
        </select>
      </FormField>
      <FormField id="new-user-password" label={t("form.password")} error={errors.password?.message}>
        <input id="new-user-password" aria-describedby={errors.password ? fieldErrorId("new-user-password") : undefined} type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...register("password")} />
      </FormField>
      <button type="submit" disabled={isSubmitting}>{isSubmitting ? t("form.submitting") : t("form.submit")}</button>
    </form>
  );
}
