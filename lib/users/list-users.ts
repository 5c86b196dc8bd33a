import { db } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/auth/policy";

export async function listUsers(options: { actor: Actor }) {
  authorize(options.actor, "user.manage");
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
}
