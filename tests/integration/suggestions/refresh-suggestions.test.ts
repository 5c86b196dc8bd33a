import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { reviseArticle } from "@/lib/articles/revise-article";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { extractClaims } from "@/lib/extract";
import { dismissSuggestion } from "@/lib/suggestions/dismiss-suggestion";
import { listSuggestions } from "@/lib/suggestions/list-suggestions";
import { SEED_TEXTS_DIR } from "../../support/paths";

const SEED = await readFile(path.join(SEED_TEXTS_DIR, "002_37550b50464d8635.txt"), "utf8");

let users = 0;
async function makeActor(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { email: `suggest${++users}@derek.test`, name: `Редактор ${users}`, role, passwordHash: "x" } });
  return { id: user.id, role: user.role, active: true };
}

async function importArticle(tail: string, actor: Actor) {
  const text = `${SEED}\n${tail}`;
  const { articleId } = await createArticle({ actorId: actor.id, text });
  return { articleId, text };
}

const suggestionsOf = (articleId: string, revision: number) =>
  db.claimSuggestion.findMany({ where: { articleId, revision }, orderBy: { start: "asc" } });

describe("suggestions stored on import and revision", () => {
  it("stores the suggester's readings for revision 1 when an article is imported", async () => {
    const editor = await makeActor("EDITOR");
    const { articleId, text } = await importArticle("Соңғы жол: а.", editor);

    const stored = await suggestionsOf(articleId, 1);

    expect(stored.map((s) => [s.start, s.end, s.text])).toEqual(extractClaims(text).map((c) => [c.start, c.end, c.text]));
    const detention = stored.find((s) => s.text.includes("төрт мыңға жуық"));
    expect(detention).toMatchObject({ category: "DETENTION_COUNT", qualifier: "APPROXIMATELY", unit: "person", dismissedAt: null });
    expect(detention?.value?.toString()).toBe("4000");
    expect(text.slice(detention!.start, detention!.end)).toBe(detention!.text);
    expect(stored.find((s) => s.text === "18 маусым 2019 жыл")).toMatchObject({ category: "DATE", date: "2019-06-18", value: null });
  });

  it("stores each reading's claimant and score, and completes year-less dates from the publication date", async () => {
    const text = `${SEED}\nСоңғы жол: б.`;
    const { articleId } = await createArticle({ actorId: null, text, publishedAt: new Date("2019-06-20"), suggestions: extractClaims(text) });
    const stored = await suggestionsOf(articleId, 1);
    expect(stored.find((s) => s.text === "төрт мыңға жуық адам")).toMatchObject({
      claimant: "Қазақстан ішкі істер министрі Ерлан Тұрғымбаев",
      score: extractClaims(text).find((c) => c.text === "төрт мыңға жуық адам")!.score,
    });
    expect(stored.find((s) => s.text === "бірі")).toMatchObject({ claimant: expect.any(String), score: expect.any(Number) });
    expect(stored.find((s) => s.text === "маусымның 9-ы күні")).toMatchObject({ date: "2019-06-09" });
    expect(stored.find((s) => s.text === "25 шақты адам")).toMatchObject({ category: "CROWD_SIZE" });

    const editor = await makeActor("EDITOR");
    const listed = await listSuggestions({ actor: editor, articleId });
    expect(listed.filter((s) => s.likely).map((s) => s.text)).toEqual(["25 шақты адам", "70 пайыз", "төрт мыңға жуық адам"]);
    expect(listed.find((s) => s.text === "бірі")).toMatchObject({ likely: false });
  });

  it("keeps a dismissal through an edit elsewhere and recomputes the rest for the new revision", async () => {
    const editor = await makeActor("EDITOR");
    const { articleId, text } = await importArticle("Соңғы жол: ә.", editor);
    const first = await suggestionsOf(articleId, 1);
    const voteShare = first.find((s) => s.text === "70 пайыз")!;
    await dismissSuggestion({ actor: editor, suggestionId: voteShare.id });

    const lead = "Редакциядан ескерту.\n";
    await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: lead + text });

    const second = await suggestionsOf(articleId, 2);
    expect(second.map((s) => [s.start, s.text])).toEqual(first.map((s) => [s.start + lead.length, s.text]));
    const carried = second.find((s) => s.text === "70 пайыз")!;
    expect(carried.dismissedById).toBe(editor.id);
    expect(carried.dismissedAt).not.toBeNull();
    expect(second.filter((s) => s.dismissedAt !== null)).toHaveLength(1);
    expect((await listSuggestions({ actor: editor, articleId })).map((s) => s.id)).toEqual(second.filter((s) => s.id !== carried.id).map((s) => s.id));
    // The first revision's suggestions are kept as they were.
    expect(await suggestionsOf(articleId, 1)).toHaveLength(first.length);
  });

  it("does not let a dismissal silence the same words in another sentence", async () => {
    const editor = await makeActor("EDITOR");
    const { articleId, text } = await importArticle("Соңғы жол: б.", editor);
    const voteShare = (await suggestionsOf(articleId, 1)).find((s) => s.text === "70 пайыз")!;
    await dismissSuggestion({ actor: editor, suggestionId: voteShare.id });

    const added = "\nАл екінші сауалнамада үміткерге 70 пайыз сайлаушы сенім білдірген.";
    await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: text + added });

    const copies = (await suggestionsOf(articleId, 2)).filter((s) => s.text === "70 пайыз");
    expect(copies.map((s) => [s.start, s.dismissedAt !== null])).toEqual([
      [voteShare.start, true],
      [text.length + added.indexOf("70 пайыз"), false],
    ]);
  });

  it("proposes a figure again when its words were edited", async () => {
    const editor = await makeActor("EDITOR");
    const { articleId, text } = await importArticle("Соңғы жол: в.", editor);
    const crowd = (await suggestionsOf(articleId, 1)).find((s) => s.text === "25 шақты адам")!;
    await dismissSuggestion({ actor: editor, suggestionId: crowd.id });

    await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: text.replace("25 шақты адам", "30 шақты адам") });

    const edited = (await suggestionsOf(articleId, 2)).find((s) => s.text === "30 шақты адам");
    expect(edited).toMatchObject({ start: crowd.start, dismissedAt: null });
  });
});
