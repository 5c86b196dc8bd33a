import { DerekError } from "@/lib/core/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { generateApiToken, hashApiToken } from "./api-token-secret";
import type { IssueApiTokenInput } from "./api-token-schemas";

/**
 * An admin issues an export API token for a user (themselves or anyone). The token acts as that
 * user, so it can do exactly what they may. The plaintext is returned this once and never stored:
 * only its sha256 is kept, and the audit event names the token, not its secret.
 */
export async function issueApiToken(options: { actor: Actor; input: IssueApiTokenInput }) {
  authorize(options.actor, "token.manage");
  const { userId, name } = options.input;
  const token = generateApiToken();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, active: true } });
    if (!user) throw new DerekError("libTokens.userMissing", { field: "userId", kind: "not-found" });
    if (!user.active) throw new DerekError("libTokens.userDeactivated", { field: "userId" });
    const created = await tx.apiToken.create({
      data: { userId, name, tokenHash: hashApiToken(token) },
      select: { id: true, name: true, userId: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "token.issue",
      entityType: "ApiToken",
      entityId: created.id,
      after: { name: created.name, userId, userName: user.name },
    });
    return { ...created, userName: user.name, token };
  });
}
