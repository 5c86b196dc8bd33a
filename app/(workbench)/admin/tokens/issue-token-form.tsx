"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { issueApiTokenSchema } from "@/lib/api-tokens/api-token-schemas";
import { issueApiTokenAction } from "./actions";

type Values = z.input<typeof issueApiTokenSchema>;

interface Issued {
  token: string;
  name: string;
  userName: string;
}

/** Issues a token and shows it once, with a way to copy it and a command that uses it. */
export function IssueTokenForm({ users }: { users: { id: string; label: string }[] }) {
  const t = useTranslations("tokens");
  const translate = useTranslateMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(issueApiTokenSchema),
    defaultValues: { userId: "", name: "" },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: Values) {
    setFormError(null);
    setNotDelivered(false);
    setIssued(null);
    const result = await sendAction(issueApiTokenAction, values);
    if (isNotDelivered(result)) return setNotDelivered(true);
    if (result.ok) {
      setIssued({ token: result.data.token, name: result.data.name, userName: result.data.userName });
      reset({ userId: "", name: "" });
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field in issueApiTokenSchema.shape) setError(field as keyof Values, { message });
    }
    if (!result.fieldErrors) setFormError(result.error);
  }

  return (
    <div className="stack">
      {issued && <IssuedToken issued={issued} onDone={() => setIssued(null)} />}
      <form className="stack" onSubmit={handleSubmit(onSubmit)} noValidate data-testid="issue-token-form">
        {formError && <p className="form-error" role="alert">{translate(formError)}</p>}
        {notDelivered && <NotDeliveredMessage onRetry={() => void handleSubmit(onSubmit)()} busy={formState.isSubmitting} />}
        <FormField id="token-user" label={t("user")} error={errors.userId?.message}>
          <select id="token-user" aria-invalid={!!errors.userId} aria-describedby={errors.userId ? fieldErrorId("token-user") : undefined} {...register("userId")}>
            <option value="">{t("chooseUser")}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>{user.label}</option>
            ))}
          </select>
        </FormField>
        <FormField id="token-name" label={t("name")} error={errors.name?.message}>
          <input id="token-name" placeholder={t("namePlaceholder")} aria-invalid={!!errors.name} aria-describedby={errors.name ? fieldErrorId("token-name") : undefined} {...register("name")} />
        </FormField>
        <div>
          <button type="submit" disabled={isSubmitting}>{isSubmitting ? t("issuing") : t("issue")}</button>
        </div>
      </form>
    </div>
  );
}

function IssuedToken({ issued, onDone }: { issued: Issued; onDone(): void }) {
  const t = useTranslations("tokens");
  const [copied, setCopied] = useState<"token" | "command" | "failed" | null>(null);
  const command = `curl -fOJ -H "Authorization: Bearer ${issued.token}" "${window.location.origin}/api/export?format=csv"`;

  async function copy(text: string, what: "token" | "command") {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      // Clipboard access needs a secure context and permission; the text stays selectable.
      setCopied("failed");
    }
  }

  return (
    <div className="notice token-once" role="status" data-testid="issued-token">
      <p>{t("issuedNotice", { name: issued.name, user: issued.userName })}</p>
      <div className="token-value">
        <code data-testid="issued-token-value">{issued.token}</code>
        <button type="button" className="secondary small" onClick={() => copy(issued.token, "token")}>{t("copyToken")}</button>
      </div>
      <p className="muted small-print">{t("exportHint")}</p>
      <div className="token-value">
        <code>{command}</code>
        <button type="button" className="secondary small" onClick={() => copy(command, "command")}>{t("copyCommand")}</button>
      </div>
      {copied === "failed" ? (
        <p className="field-error">{t("copyFailed")}</p>
      ) : (
        copied && <p className="small-print">{copied === "token" ? t("copiedToken") : t("copiedCommand")}</p>
      )}
      <button type="button" className="link" onClick={onDone}>{t("hide")}</button>
    </div>
  );
}
