import { authorize, type Actor } from "@/lib/auth/policy";
import { readDb } from "@/lib/db/client";
import { sortKazakh } from "@/lib/i18n/collation";

export interface LedgerChoices {
  articles: { id: string; title: string }[];
  outlets: string[];
  people: { id: string; name: string }[];
  reviewers: { id: string; name: string }[];
  claimants: string[];
}

/** What the ledger's filter form offers to pick from. */
export async function listLedgerChoices(options: { actor: Actor }): Promise<LedgerChoices> {
  authorize(options.actor, "ledger.read");
  const [articles, outlets, people, claimants] = await Promise.all([
    readDb.article.findMany({ select: { id: true, title: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 }),
    readDb.article.findMany({ where: { outlet: { not: null } }, distinct: ["outlet"], select: { outlet: true }, orderBy: { outlet: "asc" }, take: 300 }),
    readDb.user.findMany({ select: { id: true, name: true, role: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    // The most frequent claimants, for the field's suggestions; any other text can still be typed.
    readDb.$queryRaw<{ claimant: string }[]>`
      SELECT "claimant" FROM "Claim" WHERE "claimant" IS NOT NULL AND "deletedAt" IS NULL
      GROUP BY "claimant" ORDER BY count(*) DESC, "claimant" LIMIT 200`,
  ]);
  return {
    articles,
    outlets: sortKazakh(outlets.map((o) => o.outlet!).filter(Boolean), (o) => o),
    people: sortKazakh(people, (p) => p.name).map(({ id, name }) => ({ id, name })),
    reviewers: sortKazakh(people, (p) => p.name).filter((p) => p.role !== "EDITOR").map(({ id, name }) => ({ id, name })),
    claimants: claimants.map((c) => c.claimant),
  };
}
