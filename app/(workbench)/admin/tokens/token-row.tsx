"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useTranslateMessage } from "@/app/_components/translated-message";
import { NotDeliveredMessage } from "@/app/_components/not-delivered";
import { isNotDelivered, sendAction } from "@/app/_lib/send-action";
import { revokeApiTokenAction } from "./actions";

interface TokenRowProps {
  token: {
    id: string;
    name: string;
    userName: string;
    userEmail: string;
    userActive: boolean;
    created: string;
    lastUsed: string | null;
    revoked: string | null;
  };
}

/** One token; revoking asks to be confirmed in place, since it cannot be undone. */
export function TokenRow({ token }: TokenRowProps) {
  const t = useTranslations("tokens");
  const translate = useTranslateMessage();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notDelivered, setNotDelivered] = useState(false);
  const [pending, startTransition] = useTransition();

  function revoke() {
    setError(null);
    setNotDelivered(false);
    startTransition(async () => {
      const result = await sendAction(revokeApiTokenAction, { tokenId: token.id });
      if (isNotDelivered(result)) setNotDelivered(true);
      else if (!result.ok) setError(result.error);
      setConfirming(false);
    });
  }

  return (
    <tr data-token-name={token.name} className={token.revoked ? "token-revoked" : undefined}>
      <td>{token.name}</td>
      <td>
        {token.userName} <span className="muted">{token.userEmail}</span>
      </td>
      <td>{token.created}</td>
      <td>{token.lastUsed ?? <span className="muted">{t("never")}</span>}</td>
      <td>
        {token.revoked ? (
          <span className="muted">{t("revokedAt", { date: token.revoked })}</span>
        ) : token.userActive ? (
          t("active")
        ) : (
          <span className="muted">{t("userDeactivated")}</span>
        )}
      </td>
      <td className="token-actions">
        {!token.revoked &&
          (confirming ? (
            <>
              <span>{t("confirmRevoke", { name: token.name })}</span>{" "}
              <button type="button" className="danger small" disabled={pending} onClick={revoke}>
                {pending ? t("revoking") : t("revoke")}
              </button>{" "}
              <button type="button" className="secondary small" disabled={pending} onClick={() => setConfirming(false)}>
                {t("keep")}
              </button>
            </>
          ) : (
            <button type="button" className="secondary small" onClick={() => setConfirming(true)}>
              {t("askRevoke")}
            </button>
          ))}
        {notDelivered && <NotDeliveredMessage onRetry={revoke} busy={pending} />}
        {error && <span className="field-error" role="alert"> {translate(error)}</span>}
      </td>
    </tr>
  );
}
