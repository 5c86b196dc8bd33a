import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { sortKazakh } from "@/lib/i18n/collation";

/** Everyone who may appear in the activity feed, by name: the feed's person filter. */
export async function listPeople(options: { actor: Actor }) {
  authorize(options.actor, "audit.read");
  const people = await db.user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
  return sortKazakh(people, (person) => person.name);
}
