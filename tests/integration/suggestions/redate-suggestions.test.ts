import { describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { db } from "@/lib/db/client";
import { updateArticleDetails } from "@/lib/import/update-article-details";

describe("suggestions' event dates follow the article's publication date", () => {
  it("gives year-less dates the year of a publication date set later, and takes it away again", async () => {
    const user = await db.user.create({ data: { email: "redate@derek.test", name: "Редактор", role: "EDITOR", passwordHash: "x" } });
    const editor = { id: user.id, role: user.role, active: true };
    const text = "Отырыс 18 наурызда өтеді. 9 маусымдағы сайлауда 70 пайыз дауыс берілді.";
    const { articleId } = await createArticle({ actorId: null, text });
    const dateOf = async (quote: string) => (await db.claimSuggestion.findFirstOrThrow({ where: { articleId, text: quote } })).date;
    expect(await dateOf("18 наурызда")).toBe("--03-18");
    const vote = await db.claimSuggestion.findFirstOrThrow({ where: { articleId, text: "70 пайыз" } });
    await db.claimSuggestion.update({ where: { id: vote.id }, data: { dismissedAt: new Date("2026-01-01") } });

    const details = async (publishedAt: string) => {
      const { updatedAt } = await db.article.findUniqueOrThrow({ where: { id: articleId } });
      await updateArticleDetails({ actor: editor, input: { articleId, updatedAt: updatedAt.toISOString(), title: "Сайлау", publishedAt } });
    };
    await details("2020-03-05");
    expect(await dateOf("18 наурызда")).toBe("2020-03-18");
    // Three months after publication: the June before.
    expect(await dateOf("70 пайыз")).toBe("2019-06-09");
    expect((await db.claimSuggestion.findUniqueOrThrow({ where: { id: vote.id } })).dismissedAt).toEqual(new Date("2026-01-01"));

    await details("");
    expect(await dateOf("18 наурызда")).toBe("--03-18");
  });
});
