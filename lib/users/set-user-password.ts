import { DerekError } from "@/lib/core/errors";
import { refusalFromZod } from "@/lib/core/zod-issues";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { authorize, type Actor } from "@/lib/auth/policy";
import { normaliseEmail } from "@/lib/auth/sign-in";
import { clearFailedSignIns } from "@/lib/auth/sign-in-limiter";
import { db } from "@/lib/db/client";
import { setUserPasswordSchema, type SetUserPasswordInput } from "./user-schemas";

/**
 * An admin gives a user a new password: the way back in for an account a restore created without
 * one, or for someone who forgot theirs. The user's sessions end (lib/auth/load-actor.ts); their
 * API tokens do not, being credentials of their own that an admin revokes apart. Whether the
 * account is active is not touched: reactivating is the users page's other control.
 */
export async function setUserPassword(options: { actor: Actor; input: SetUserPasswordInput }) {
  authorize(options.actor, "user.password_reset");
  // Checked again here, not only in the form: this writes a credential, and a caller that skipped
  // the schema must not store a password the rules refuse.
  const parsed = setUserPasswordSchema.safeParse(options.input);
  if (!parsed.success) throw refusalFromZod(parsed.error);
  const { userId, password } = parsed.data;
  // Setting one's own would also end one's own session; and it is no reset of a lost password.
  if (userId === options.actor.id) throw new DerekError("libUsers.selfPassword");

  // Hashed before the transaction: bcrypt takes a tenth of a second, no row need wait for it.
  const passwordHash = await hashPassword(password);
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, active: true } });
    if (!user) throw new DerekError("libUsers.noSuchUser", { kind: "not-found" });
    const passwordChangedAt = new Date();
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt }, select: { id: true } });
    // That it happened and when; never the password nor its hash.
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "user.password_reset",
      entityType: "User",
      entityId: userId,
      after: { email: user.email, passwordChangedAt: passwordChangedAt.toISOString() },
    });
    return { id: user.id, email: user.email, active: user.active };
  });
  // Someone locked out by wrong guesses is often why an admin sets a password: the new one works
  // at once rather than after the wait.
  await clearFailedSignIns(normaliseEmail(updated.email));
  return updated;
}
