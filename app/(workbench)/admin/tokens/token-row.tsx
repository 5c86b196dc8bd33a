"use client";

import { useState, useTransition } from "react";
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
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    setError(null);
    startTransition(async () => {
      const result = await revokeApiTokenAction({ tokenId: token.id });
      if (!result.ok) setError(result.error);
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
      <td>{token.lastUsed ?? <span className="muted">never</span>}</td>
      <td>
        {token.revoked ? (
          <span className="muted">revoked {token.revoked}</span>
        ) : token.userActive ? (
          "active"
        ) : (
          <span className="muted">refused: user deactivated</span>
        )}
      </td>
      <td className="token-actions">
        {!token.revoked &&
          (confirming ? (
            <>
              <span>Revoke “{token.name}”? Scripts using it stop working.</span>{" "}
              <button type="button" className="danger small" disabled={pending} onClick={revoke}>
                {pending ? "Revoking…" : "Revoke"}
              </button>{" "}
              <button type="button" className="secondary small" disabled={pending} onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="secondary small" onClick={() => setConfirming(true)}>
              Revoke…
            </button>
          ))}
        {error && <span className="field-error" role="alert"> {error}</span>}
      </td>
    </tr>
  );
}
