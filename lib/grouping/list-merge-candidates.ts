import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { ClaimCategory } from "@/lib/generated/prisma/client";

const CANDIDATES = 50;

/**
 * Other groups a group could be merged with: those of the same category (a merge of two
 * categories is refused anyway), newest first, each with its label and first claim to name it by.
 */
export async function listMergeCandidates(options: { actor: Actor; groupId: string; category: ClaimCategory }) {
  authorize(options.actor, "group.edit");
  const groups = await db.claimGroup.findMany({
    where: { id: { not: options.groupId }, claims: { some: { deletedAt: null, category: options.category } } },
    orderBy: { id: "desc" },
    take: CANDIDATES,
    select: {
      id: true,
      label: true,
      status: true,
      claims: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { quote: true, article: { select: { title: true } } } },
    },
  });
  return groups.map((g) => ({
    id: g.id,
    status: g.status,
    label: g.label,
    firstQuote: g.claims[0]?.quote ?? null,
    firstArticleTitle: g.claims[0]?.article.title ?? null,
    claimCount: g.claims.length,
  }));
}
