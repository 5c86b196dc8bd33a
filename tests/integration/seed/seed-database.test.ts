import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentHash } from "@/lib/articles/content-hash";
import { createArticle } from "@/lib/articles/create-article";
import { db } from "@/lib/db/client";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { seedDatabase } from "@/lib/seed/seed-database";
import { SEED_TEXTS_DIR } from "../../support/paths";

describe("seedDatabase", () => {
  it("adds the demo accounts and seed articles once, keeps the Kazakh text exactly, and adds nothing on a second run", async () => {
    const first = await seedDatabase({ seedTextsDir: SEED_TEXTS_DIR });
    const files = (await readdir(SEED_TEXTS_DIR)).filter((f) => f.endsWith(".txt"));
    expect(first).toEqual({ usersCreated: DEMO_ACCOUNTS.length, articlesCreated: files.length });

    for (const file of files) {
      const text = await readFile(path.join(SEED_TEXTS_DIR, file), "utf8");
      const article = await db.article.findUniqueOrThrow({ where: { contentHash: contentHash(text) }, include: { revisions: true } });
      expect(article.bodyText).toBe(text);
      expect(article.revision).toBe(1);
      expect(article.revisions.map((r) => r.bodyText)).toEqual([text]);
      expect(article.title).toBe(text.split("\n")[0].trim().slice(0, article.title.replace(/…$/, "").length));
    }

    // An admin changes a demo account; the next start must not undo it.
    await db.user.update({ where: { email: DEMO_ACCOUNTS[0].email }, data: { name: "Renamed", active: false } });
    const second = await seedDatabase({ seedTextsDir: SEED_TEXTS_DIR });
    expect(second).toEqual({ usersCreated: 0, articlesCreated: 0 });
    expect(await db.article.count()).toBe(files.length);
    expect(await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[0].email } })).toMatchObject({ name: "Renamed", active: false });
  });
});

describe("createArticle", () => {
  it("stores the body as ProseMirror JSON and plain text, with a revision and an audit event in one go", async () => {
    const text = "Алматыда 5 наурызда 361 адам ұсталды.\n\nЕкінші абзац 𝔸 белгісімен.  \n";
    const result = await createArticle({ actorId: null, text, outlet: "Азаттық" });
    expect(result.status).toBe("created");
    const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId } });
    expect(article).toMatchObject({ bodyText: text, title: "Алматыда 5 наурызда 361 адам ұсталды.", outlet: "Азаттық", language: "kk" });
    expect((article.bodyJson as { content: unknown[] }).content).toHaveLength(text.split("\n").length);
    const events = await db.auditEvent.findMany({ where: { entityId: article.id } });
    expect(events.map((e) => e.action)).toEqual(["article.create"]);
  });

  it("never imports the same text twice, even when two imports race", async () => {
    const text = `Жарыс мәтіні ${Date.now()}`;
    const results = await Promise.all([createArticle({ actorId: null, text }), createArticle({ actorId: null, text }), createArticle({ actorId: null, text })]);
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(new Set(results.map((r) => r.articleId)).size).toBe(1);
    expect(await db.article.count({ where: { contentHash: contentHash(text) } })).toBe(1);
  });
});
