import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** Sources already on file, for the picker in the claim form: by words in URL, title or publisher. */
export async function searchSources(options: { actor: Actor; query: string; take?: number }) {
  authorize(options.actor, "article.read");
  const query = options.query.trim();
  return db.source.findMany({
    where: query
      ? {
          OR: [
            { url: { contains: query, mode: "insensitive" } },
            { title: { contains: query, mode: "insensitive" } },
            { publisher: { contains: query, mode: "insensitive" } },
          ],
        }
      : undefined,
    orderBy: { updatedAt: "desc" },
    take: options.take ?? 20,
    select: { id: true, url: true, title: true, publisher: true, kind: true },
  });
}
