"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { TranslatedMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { ROLES } from "@/lib/users/user-schemas";
import { updateUserAction } from "./actions";
import { SetPasswordForm } from "./set-password-form";

interface UserRowProps {
  user: { id: string; name: string; email: string; role: (typeof ROLES)[number]; active: boolean };
  isSelf: boolean;
}

export function UserRow({ user, isSelf }: UserRowProps) {
  const t = useTranslations("users");
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const [pending, startTransition] = useTransition();
  const [settingPassword, setSettingPassword] = useState(false);

  function update(change: { role?: (typeof ROLES)[number]; active?: boolean }) {
    setError(null);
    setRetry(null);
    startTransition(async () => {
      const result = await sendAction(updateUserAction, { userId: user.id, ...change });
      if (isNotDelivered(result)) return setRetry(() => () => update(change));
      if (!result.ok) setError(result.error);
    });
  }

  return (
    <>
      <tr data-email={user.email}>
        <td>{user.name}</td>
        <td>{user.email}</td>
        <td>
          <select
            aria-label={t("row.roleOf", { email: user.email })}
            value={user.role}
            disabled={pending || isSelf}
            onChange={(e) => update({ role: e.target.value as (typeof ROLES)[number] })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>{t(`roleOption.${role}`)}</option>
            ))}
          </select>
        </td>
        <td>{user.active ? t("row.active") : <span className="muted">{t("row.deactivated")}</span>}</td>
        <td>
          {!isSelf && (
            <>
              <button type="button" className="secondary" disabled={pending} onClick={() => update({ active: !user.active })}>
                {user.active ? t("row.deactivate") : t("row.reactivate")}
              </button>{" "}
              <button type="button" className="secondary" aria-expanded={settingPassword} onClick={() => setSettingPassword(!settingPassword)}>
                {t("row.setPassword")}
              </button>
            </>
          )}
          {retry && <NotDeliveredMessage onRetry={retry} busy={pending} />}
          {error && (
            <span className="field-error" role="alert">
              {" "}
              <TranslatedMessage message={error} />
            </span>
          )}
        </td>
      </tr>
      {settingPassword && (
        <tr data-password-for={user.email}>
          <td colSpan={5}>
            <SetPasswordForm user={user} onClose={() => setSettingPassword(false)} />
          </td>
        </tr>
      )}
    </>
  );
}
