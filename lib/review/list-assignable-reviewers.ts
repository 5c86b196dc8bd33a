import { authorize, can, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { sortKazakh } from "@/lib/i18n/collation";
import type { ClaimStatus } from "@/lib/generated/prisma/client";

/** The people an admin may assign a claim to: active users the policy would let review it. */
export async function listAssignableReviewers(options: { actor: Actor; claim: { authorId: string; status: ClaimStatus } }) {
  authorize(options.actor, "claim.reassign");
  const users = await db.user.findMany({
    where: { active: true, role: { in: ["REVIEWER", "ADMIN"] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true, active: true },
  });
  return sortKazakh(users, (user) => user.name)
    .filter((user) => can(user, "claim.review", options.claim))
    .map(({ id, name }) => ({ id, name }));
}
