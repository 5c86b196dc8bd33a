import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** The users a token can be issued for: active ones (a deactivated user's token would be refused anyway). */
export async function listTokenHolders(options: { actor: Actor }) {
  authorize(options.actor, "token.manage");
  return db.user.findMany({
    where: { active: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, role: true },
  });
}
