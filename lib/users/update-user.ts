import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import type { UpdateUserInput } from "./user-schemas";

const USER_FIELDS = { id: true, email: true, name: true, role: true, active: true } as const;

/** Changes a user's role or active flag. An admin cannot lock themselves out. */
export async function updateUser(options: { actor: Actor; input: UpdateUserInput }) {
  authorize(options.actor, "user.manage");
  const { userId, role, active } = options.input;
  if (userId === options.actor.id && (active === false || (role && role !== "ADMIN")))
    throw new DerekError("libUsers.selfLockout");

  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!before) throw new DerekError("libUsers.noSuchUser");
    // Deactivating or reactivating ends every session signed in before it (load-actor.ts): a token
    // captured before a deactivation must not come back to life with the reactivation.
    const sessionsEndedAt = active !== undefined && active !== before.active ? new Date() : undefined;
    const after = await tx.user.update({ where: { id: userId }, data: { role, active, sessionsEndedAt }, select: USER_FIELDS });
    const action = active === false ? "user.deactivate" : active === true && !before.active ? "user.reactivate" : "user.update";
    await recordAuditEvent(tx, { actorId: options.actor.id, action, entityType: "User", entityId: userId, before, after });
    return after;
  });
}
