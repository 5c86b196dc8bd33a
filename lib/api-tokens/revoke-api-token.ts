import { DerekError } from "@/lib/core/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { RevokeApiTokenInput } from "./api-token-schemas";

/** An admin revokes a token: from the next request on, it is refused. Revoking is final. */
export async function revokeApiToken(options: { actor: Actor; input: RevokeApiTokenInput }) {
  authorize(options.actor, "token.manage");
  const { tokenId } = options.input;
  return db.$transaction(async (tx) => {
    const revokedAt = new Date();
    // revokedAt in the WHERE: of two admins revoking at once, one revokes and the other is told.
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt } });
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, name: true, userId: true, revokedAt: true } });
    if (!token) throw new DerekError("libTokens.tokenMissing", { kind: "not-found" });
    if (count === 0) throw new DerekError("libTokens.alreadyRevoked", { kind: "conflict" });
    await recordAuditEvent(tx, {
      actorId: options.actor.id,
      action: "token.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      before: { name: token.name, userId: token.userId, revokedAt: null },
      after: { name: token.name, userId: token.userId, revokedAt },
    });
    return { id: token.id, revokedAt };
  });
}
