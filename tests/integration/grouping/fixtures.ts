import { readFile } from "node:fs/promises";
import path from "node:path";
import { createArticle } from "@/lib/articles/create-article";
import type { Actor } from "@/lib/auth/policy";
import { createClaimSchema, type ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { createClaim } from "@/lib/claims/create-claim";
import { db } from "@/lib/db/client";
import { extractClaims } from "@/lib/extract";
import { SEED_TEXTS_DIR } from "../../support/paths";

export async function makeActor(role: Actor["role"], email: string, name = email): Promise<Actor> {
  const user = await db.user.create({ data: { email, name, role, passwordHash: "x" } });
  return { id: user.id, role, active: true };
}

export interface SeedArticle {
  articleId: string;
  text: string;
}

export async function seedArticle(file: string, details: { outlet?: string; publishedAt?: string } = {}): Promise<SeedArticle> {
  const text = await readFile(path.join(SEED_TEXTS_DIR, file), "utf8");
  const { articleId } = await createArticle({
    actorId: null,
    text,
    outlet: details.outlet ?? null,
    publishedAt: details.publishedAt ? new Date(`${details.publishedAt}T00:00:00Z`) : null,
  });
  return { articleId, text };
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A claim on the first occurrence of `phrase`, read as the suggester reads it (the way accepting a
 * suggestion fills it in), plus what an editor adds in `fields`.
 */
export async function tagOn(editor: Actor, article: SeedArticle, phrase: string, fields: Partial<ClaimFieldsInput> = {}) {
  const start = article.text.indexOf(phrase);
  if (start === -1) throw new Error(`"${phrase}" is not in the article`);
  const end = start + phrase.length;
  const read = extractClaims(article.text).find((c) => c.start === start && c.end === end);
  const number = (n: number | null | undefined) => (n === null || n === undefined ? undefined : String(n));
  return createClaim({
    actor: editor,
    input: createClaimSchema.parse({
      articleId: article.articleId,
      revision: 1,
      start,
      end,
      category: read?.category ?? "OTHER",
      value: number(read?.value),
      min: number(read?.min),
      max: number(read?.max),
      unit: read?.unit ?? undefined,
      qualifier: read && (read.value !== null || read.min !== null || read.max !== null) ? read.qualifier : "VAGUE",
      eventDate: read?.date && FULL_DATE.test(read.date) ? read.date : undefined,
      ...fields,
    }),
  });
}

/** Claims, groups and exclusions go; articles and people stay (audit events cannot be deleted). */
export async function clearClaims() {
  await db.claimGroupExclusion.deleteMany();
  await db.claim.updateMany({ data: { groupId: null } });
  await db.claimGroup.deleteMany();
  await db.claimSource.deleteMany();
  await db.claim.deleteMany();
}

export async function membersOf(groupId: string | null): Promise<string[]> {
  if (!groupId) return [];
  const claims = await db.claim.findMany({ where: { groupId, deletedAt: null }, select: { id: true } });
  return claims.map((c) => c.id).sort();
}

export async function groupOf(claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { group: { select: { id: true, status: true, label: true, updatedAt: true } } } });
  return claim.group;
}

export async function exclusionCount(): Promise<number> {
  return db.claimGroupExclusion.count();
}

export const sorted = (ids: string[]) => [...ids].sort();
