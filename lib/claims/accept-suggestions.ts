import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { createClaimSchema } from "./claim-schemas";
import { createClaimInTransaction } from "./create-claim";

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Tags the given suggestions of an article as draft claims, read as the suggester read them.
 * All or nothing: one that cannot be tagged leaves every other one untagged too.
 */
export async function acceptSuggestions(options: { actor: Actor; articleId: string; suggestionIds: string[] }) {
  authorize(options.actor, "claim.create");
  if (options.suggestionIds.length === 0) throw new DerekError("libClaims.suggestions.chooseOne");
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: options.articleId }, select: { revision: true } });
    if (!article) throw new DerekError("libArticles.ref.notFound", { kind: "not-found" });
    const suggestions = await tx.claimSuggestion.findMany({
      where: { id: { in: options.suggestionIds }, articleId: options.articleId, revision: article.revision, dismissedAt: null },
      orderBy: { start: "asc" },
    });
    if (suggestions.length !== options.suggestionIds.length)
      throw new DerekError("libClaims.suggestions.changed", { kind: "conflict" });
    const claims = [];
    for (const s of suggestions) {
      const input = createClaimSchema.parse({
        articleId: options.articleId,
        revision: article.revision,
        start: s.start,
        end: s.end,
        category: s.category,
        value: s.value?.toString(),
        min: s.min?.toString(),
        max: s.max?.toString(),
        unit: s.unit ?? undefined,
        qualifier: s.value || s.min || s.max ? s.qualifier : "VAGUE",
        claimant: s.claimant ?? undefined,
        eventDate: s.date && FULL_DATE.test(s.date) ? s.date : undefined,
      });
      claims.push(await createClaimInTransaction(tx, { actor: options.actor, input }));
    }
    return claims;
  });
}
