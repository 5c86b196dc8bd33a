import { db } from "@/lib/db/client";
import { compareKazakh } from "@/lib/i18n/collation";
import { authorize, type Actor } from "@/lib/auth/policy";

export async function listUsers(options: { actor: Actor }) {
  authorize(options.actor, "user.manage");
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
  // Active first, then by role, then by name in the Kazakh alphabet.
  return users.sort((a, b) => Number(b.active) - Number(a.active) || a.role.localeCompare(b.role) || compareKazakh(a.name, b.name));
}
