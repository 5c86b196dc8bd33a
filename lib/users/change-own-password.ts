import { DerekError } from "@/lib/core/errors";
import { refusalFromZod } from "@/lib/core/zod-issues";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authorize, type Actor } from "@/lib/auth/policy";
import { normaliseEmail, tooManySignIns } from "@/lib/auth/sign-in";
import { clearSignInAttempts, countSignInAttempt } from "@/lib/auth/sign-in-limiter";
import { db } from "@/lib/db/client";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "./user-schemas";

/**
 * A signed-in user replaces their own password, proving it with the current one. Like an admin's
 * reset, it ends every session signed in before it (lib/auth/load-actor.ts), this one included:
 * the user signs in again with the new password. API tokens stay.
 *
 * A wrong current password counts as a failed sign-in for the account, so this page is no way
 * around the sign-in limit for someone who finds a session left open.
 */
export async function changeOwnPassword(options: { actor: Actor; input: ChangeOwnPasswordInput }) {
  authorize(options.actor, "account.change_password");
  const parsed = changeOwnPasswordSchema.safeParse(options.input);
  if (!parsed.success) throw refusalFromZod(parsed.error);
  const { currentPassword, newPassword } = parsed.data;
  const userId = options.actor.id;

  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new DerekError("libUsers.noSuchUser", { kind: "not-found" });
  const email = normaliseEmail(user.email);

  // The same per-account limit as the sign-in form, counted before the check; no address, so one
  // office's limit is not spent.
  const retryAfterSeconds = await countSignInAttempt(email, null);
  if (retryAfterSeconds > 0) throw tooManySignIns(retryAfterSeconds);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new DerekError("libUsers.wrongCurrentPassword", { field: "currentPassword" });
  // Proven: the attempts counted so far were the user's own.
  await clearSignInAttempts(email, null);
  if (newPassword === currentPassword) throw new DerekError("libUsers.samePassword", { field: "newPassword" });

  // Hashed before the transaction: bcrypt takes a tenth of a second, no row need wait for it.
  const passwordHash = await hashPassword(newPassword);
  const passwordChangedAt = new Date();
  await db.$transaction(async (tx) => {
    // Only over the password just verified: a change that happened meanwhile is not overwritten.
    const { count } = await tx.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash, passwordChangedAt } });
    if (count === 0) throw new DerekError("libUsers.passwordChangedMeanwhile", { kind: "conflict" });
    // That it happened and when; never the password nor its hash.
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "user.password_changed",
      entityType: "User",
      entityId: userId,
      after: { email: user.email, passwordChangedAt: passwordChangedAt.toISOString() },
    });
  });
  return { id: userId, passwordChangedAt: passwordChangedAt.toISOString() };
}
