import type { Tx } from "@/lib/db/client";
import { extractClaims, resolveYears, type ClaimCandidate } from "@/lib/extract";
import { Prisma, type ClaimCategory, type Qualifier } from "@/lib/generated/prisma/client";
import { findRememberedDismissals, rangeKey } from "./remembered-dismissals";

// The suggester's categories and qualifiers are the database enums under the same names; these
// assignments stop compiling the day either list gains a value the other lacks.
const asCategory = (category: ClaimCandidate["category"]): ClaimCategory => category;
const asQualifier = (qualifier: ClaimCandidate["qualifier"]): Qualifier => qualifier;

/**
 * Decimal(24, 6) holds magnitudes below 10^18. A reading beyond that is a misread of some
 * numeral run, and one bad figure must not make the whole article import fail, so it is dropped.
 */
const MAX_DECIMAL = 1e18;

function toDecimal(n: number | null): Prisma.Decimal | null {
  if (n === null || !Number.isFinite(n) || Math.abs(n) >= MAX_DECIMAL) return null;
  return new Prisma.Decimal(n);
}

/**
 * Stores the claim suggester's proposals for one revision of an article, inside the transaction
 * that created the revision. `candidates`, when given, were already read from `text` (off the
 * request thread, within the per-article cap); otherwise they are read here. Either way the
 * article's publication date completes the dates the text gives without a year. Suggestions an
 * editor dismissed in the previous revision stay dismissed when their words and context survived
 * the edit. Safe to run twice for a revision: ranges already stored are left as they are.
 */
export async function refreshSuggestions(
  tx: Tx,
  options: { articleId: string; revision: number; text: string; candidates?: ClaimCandidate[] },
): Promise<{ stored: number; dismissed: number }> {
  const article = await tx.article.findUnique({ where: { id: options.articleId }, select: { publishedAt: true } });
  const publishedAt = article?.publishedAt ?? null;
  const candidates = options.candidates ? resolveYears(options.text, options.candidates, publishedAt) : extractClaims(options.text, { publishedAt });
  const remembered = await findRememberedDismissals(tx, { ...options, candidates });
  const { count } = await tx.claimSuggestion.createMany({
    data: candidates.map((c) => {
      const dismissal = remembered.get(rangeKey(c.start, c.end));
      return {
        articleId: options.articleId,
        revision: options.revision,
        start: c.start,
        end: c.end,
        text: c.text,
        value: toDecimal(c.value),
        min: toDecimal(c.min),
        max: toDecimal(c.max),
        unit: c.unit,
        qualifier: asQualifier(c.qualifier),
        category: asCategory(c.category),
        date: c.date,
        claimant: c.claimant,
        score: c.score,
        dismissedAt: dismissal?.dismissedAt ?? null,
        dismissedById: dismissal?.dismissedById ?? null,
      };
    }),
    skipDuplicates: true,
  });
  return { stored: count, dismissed: remembered.size };
}
