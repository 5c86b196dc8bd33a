import { readFile } from "node:fs/promises";
import path from "node:path";
import { createArticle } from "@/lib/articles/create-article";
import type { Actor } from "@/lib/auth/policy";
import { submitClaim } from "@/lib/claims/change-claim-state";
import { createClaimSchema, type ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { createClaim } from "@/lib/claims/create-claim";
import { db } from "@/lib/db/client";
import { SEED_TEXTS_DIR } from "../../support/paths";

export async function makeActor(role: Actor["role"], email: string, name = email): Promise<Actor> {
  const user = await db.user.create({ data: { email, name, role, passwordHash: "x" } });
  return { id: user.id, role, active: true };
}

export async function seedArticle(file = "003_f112b8e6a601b618.txt") {
  const text = await readFile(path.join(SEED_TEXTS_DIR, file), "utf8");
  const { articleId } = await createArticle({ actorId: null, text });
  return { articleId, text };
}

const FIELDS: ClaimFieldsInput = {
  category: "SENTENCE_LENGTH",
  value: "5",
  unit: "year",
  qualifier: "EXACT",
  sources: [
    {
      newSource: { url: "https://example.kz/sot", title: "Сот үкімі", kind: "COURT_DOCUMENT" },
      stance: "SUPPORTS",
      passage: "5 жылға бас бостандығынан айырылды",
    },
  ],
};

/** A claim on the first occurrence of `quote`, as a draft of `author`. */
export async function tagClaim(author: Actor, article: { articleId: string; text: string }, quote: string, fields: Partial<ClaimFieldsInput> = {}) {
  const start = article.text.indexOf(quote);
  if (start === -1) throw new Error(`"${quote}" is not in the article`);
  return createClaim({
    actor: author,
    input: createClaimSchema.parse({ articleId: article.articleId, revision: 1, start, end: start + quote.length, ...FIELDS, ...fields }),
  });
}

/** A claim already submitted for review; returns it at its current version. */
export async function submittedClaim(author: Actor, article: { articleId: string; text: string }, quote: string, fields: Partial<ClaimFieldsInput> = {}) {
  const claim = await tagClaim(author, article, quote, fields);
  return submitClaim({ actor: author, ref: { claimId: claim.id, expectedVersion: claim.version } });
}
