"use client";

import { useState, useTransition } from "react";
import { ROLES } from "@/lib/users/user-schemas";
import { updateUserAction } from "./actions";

interface UserRowProps {
  user: { id: string; name: string; email: string; role: (typeof ROLES)[number]; active: boolean };
  isSelf: boolean;
}

export function UserRow({ user, isSelf }: UserRowProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function update(change: { role?: (typeof ROLES)[number]; active?: boolean }) {
    setError(null);
    startTransition(async () => {
      const result = await updateUserAction({ userId: user.id, ...change });
      if (!result.ok) setError(result.error);
    });
  }

  return (
    <tr data-email={user.email}>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={pending || isSelf}
          onChange={(e) => update({ role: e.target.value as (typeof ROLES)[number] })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>{role.toLowerCase()}</option>
          ))}
        </select>
      </td>
      <td>{user.active ? "active" : <span className="muted">deactivated</span>}</td>
      <td>
        {!isSelf && (
          <button type="button" className="secondary" disabled={pending} onClick={() => update({ active: !user.active })}>
            {user.active ? "Deactivate" : "Reactivate"}
          </button>
        )}
        {error && <span className="field-error" role="alert"> {error}</span>}
      </td>
    </tr>
  );
}
