import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** Every token, newest first, with its user; never the hash. */
export async function listApiTokens(options: { actor: Actor }) {
  authorize(options.actor, "token.manage");
  return db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, email: true, active: true } },
    },
  });
}
