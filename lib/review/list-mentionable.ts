import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { sortKazakh } from "@/lib/i18n/collation";
import type { Mentionable } from "./comment-mentions";

/** The colleagues a comment may name (active users but oneself), by name: the reply form's type-ahead. */
export async function listMentionable(options: { actor: Actor }): Promise<Mentionable[]> {
  authorize(options.actor, "claim.comment");
  const people = await db.user.findMany({
    where: { active: true, id: { not: options.actor.id } },
    select: { id: true, name: true },
  });
  return sortKazakh(people, (person) => person.name);
}
