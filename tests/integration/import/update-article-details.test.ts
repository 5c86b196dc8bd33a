import { describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { ImportError } from "@/lib/import/import-error";
import { updateArticleDetails } from "@/lib/import/update-article-details";
import { DerekError } from "@/lib/core/errors";

let userCount = 0;
async function makeActor(role: Actor["role"]): Promise<Actor> {
  const email = `details-${role.toLowerCase()}-${++userCount}@derek.test`;
  const user = await db.user.create({ data: { email, name: email, role, passwordHash: "x" } });
  return { id: user.id, role: user.role, active: true };
}

async function newArticle(actor: Actor) {
  const { articleId } = await createArticle({ actorId: actor.id, text: `Мақала ${userCount}-${Math.random()}\nмәтін`, outlet: "Азаттық" });
  return db.article.findUniqueOrThrow({ where: { id: articleId } });
}

describe("updateArticleDetails", () => {
  it("changes title, outlet, address and date, clears a blank outlet, keeps the text, and records an audit event", async () => {
    const editor = await makeActor("EDITOR");
    const article = await newArticle(editor);
    await updateArticleDetails({
      actor: editor,
      input: { articleId: article.id, updatedAt: article.updatedAt.toISOString(), title: " Жаңа тақырып ", outlet: "", sourceUrl: "https://kaz.tengrinews.kz/a", publishedAt: "2021-06-19" },
    });
    const after = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after).toMatchObject({ title: "Жаңа тақырып", outlet: null, sourceUrl: "https://kaz.tengrinews.kz/a", bodyText: article.bodyText, revision: article.revision });
    expect(after.publishedAt?.toISOString().slice(0, 10)).toBe("2021-06-19");
    const events = await db.auditEvent.findMany({ where: { entityId: article.id, action: "article.update_details" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: editor.id, before: expect.objectContaining({ outlet: "Азаттық" }), after: expect.objectContaining({ outlet: null }) });
  });

  it("refuses a save made from a stale form and keeps the other person's change", async () => {
    const editor = await makeActor("EDITOR");
    const article = await newArticle(editor);
    const opened = article.updatedAt.toISOString();
    await updateArticleDetails({ actor: editor, input: { articleId: article.id, updatedAt: opened, title: "Бірінші өзгеріс" } });
    const error = await updateArticleDetails({ actor: editor, input: { articleId: article.id, updatedAt: opened, title: "Ескі формадан" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DerekError);
    expect(error).toMatchObject({ kind: "conflict", code: "libImport.changedMeanwhile" });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe("Бірінші өзгеріс");
  });

  it.each([
    [{ sourceUrl: "javascript:alert(1)" }, "sourceUrl", /http:\/\/ or https:\/\//],
    [{ publishedAt: "2024-13-01" }, "publishedAt", /real date/],
    [{ title: "   " }, "title", /Enter a title/],
  ])("refuses %j beside the field, changing nothing", async (change, field, message) => {
    const editor = await makeActor("EDITOR");
    const article = await newArticle(editor);
    const input = { articleId: article.id, updatedAt: article.updatedAt.toISOString(), title: article.title, ...change };
    const error = await updateArticleDetails({ actor: editor, input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(message);
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toEqual(article);
  });

  it("leaves details to editors, and says when the article does not exist", async () => {
    const editor = await makeActor("EDITOR");
    const reviewer = await makeActor("REVIEWER");
    const article = await newArticle(editor);
    const input = { articleId: article.id, updatedAt: article.updatedAt.toISOString(), title: "Рецензенттен" };
    await expect(updateArticleDetails({ actor: reviewer, input })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateArticleDetails({ actor: editor, input: { ...input, articleId: "00000000-0000-7000-8000-000000000000" } })).rejects.toThrow("does not exist");
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toEqual(article);
  });
});
