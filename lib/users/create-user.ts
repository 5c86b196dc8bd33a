import { DerekError } from "@/lib/core/errors";
import { refusalFromZod } from "@/lib/core/zod-issues";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { authorize, type Actor } from "@/lib/auth/policy";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { createUserSchema, type CreateUserInput } from "./user-schemas";

export async function createUser(options: { actor: Actor; input: CreateUserInput }) {
  authorize(options.actor, "user.manage");
  // Checked again here, not only in the form: a password the rules refuse is never stored.
  const parsed = createUserSchema.safeParse(options.input);
  if (!parsed.success) throw refusalFromZod(parsed.error);
  const { email, name, role, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name, role, passwordHash },
        select: { id: true, email: true, name: true, role: true, active: true },
      });
      await recordAuditEvent(tx, { actorId: options.actor.id, action: "user.create", entityType: "User", entityId: user.id, after: user });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DerekError("libUsers.duplicateEmail", { field: "email" });
    throw error;
  }
}
