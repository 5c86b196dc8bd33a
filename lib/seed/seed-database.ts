import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createArticle } from "@/lib/articles/create-article";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { backfillSuggestions } from "@/lib/suggestions/backfill-suggestions";
import { DEMO_ACCOUNTS } from "./demo-accounts";

export interface SeedResult {
  usersCreated: number;
  articlesCreated: number;
}

/**
 * Adds the demo accounts and the seed articles that are missing. Idempotent: existing accounts
 * keep their passwords and roles, and an article already present (by content hash) is not
 * imported again.
 */
export async function seedDatabase(options: { seedTextsDir: string }): Promise<SeedResult> {
  let usersCreated = 0;
  for (const account of DEMO_ACCOUNTS) {
    const exists = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    const result = await db.user.createMany({
      data: [{ email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) }],
      skipDuplicates: true,
    });
    usersCreated += result.count;
  }

  let articlesCreated = 0;
  const files = (await readdir(options.seedTextsDir)).filter((f) => f.endsWith(".txt")).sort();
  for (const file of files) {
    const text = await readFile(path.join(options.seedTextsDir, file), "utf8");
    const result = await createArticle({ actorId: null, text });
    if (result.status === "created") articlesCreated++;
  }
  await backfillSuggestions();
  return { usersCreated, articlesCreated };
}
