import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { selectorFor } from "@/lib/anchoring";
import { ArticleConflictError } from "@/lib/articles/article-errors";
import { DerekError } from "@/lib/core/errors";
import { createArticle } from "@/lib/articles/create-article";
import { reviseArticle } from "@/lib/articles/revise-article";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { docToPlainText } from "@/lib/document/doc-text";
import { listSuggestions } from "@/lib/suggestions/list-suggestions";
import { SEED_TEXTS_DIR } from "../../support/paths";

const SEED = await readFile(path.join(SEED_TEXTS_DIR, "002_37550b50464d8635.txt"), "utf8");
const QUOTE = "төрт мыңға жуық адам";
const CLAIM_LINE = SEED.split("\n").find((line) => line.includes(QUOTE))!;

let users = 0;
async function makeActor(role: Actor["role"], name: string): Promise<Actor> {
  const user = await db.user.create({ data: { email: `user${++users}@derek.test`, name, role, passwordHash: "x" } });
  return { id: user.id, role: user.role, active: true };
}

/**
 * The seed article with a tail line of its own, so every test has its own article (the same text
 * is never imported twice), and a claim on "төрт мыңға жуық адам" made the way the tagger makes it.
 */
async function articleWithClaim(tail: string, author: Actor) {
  const text = `${SEED}\n${tail}`;
  const { articleId } = await createArticle({ actorId: author.id, text });
  const start = text.indexOf(QUOTE);
  const { quote, prefix, suffix } = selectorFor(text, start, start + QUOTE.length);
  const claim = await db.claim.create({
    data: { articleId, start, end: start + QUOTE.length, quote, prefix, suffix, category: "DETENTION_COUNT", value: 4000, qualifier: "APPROXIMATELY", authorId: author.id },
  });
  return { articleId, text, claim };
}

/** Everything a refused revision must leave exactly as it was. */
async function snapshot(articleId: string) {
  return {
    article: await db.article.findUniqueOrThrow({ where: { id: articleId } }),
    revisions: await db.articleRevision.count({ where: { articleId } }),
    claims: await db.claim.findMany({ where: { articleId }, orderBy: { id: "asc" } }),
    suggestions: await db.claimSuggestion.count({ where: { articleId } }),
    audit: await db.auditEvent.count(),
  };
}

describe("reviseArticle", () => {
  it("stores a new revision, keeps the old one, and moves the claim with its words when a sentence is inserted before it", async () => {
    const editor = await makeActor("EDITOR", "Айгүл Сәрсенова");
    const { articleId, text, claim } = await articleWithClaim("Соңғы жол: бір.", editor);
    const inserted = "Бұл сөйлем кейін қосылды. ";
    const edited = text.replace(CLAIM_LINE, inserted + CLAIM_LINE);

    const result = await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: edited });

    expect(result).toEqual({ revision: 2, claims: { anchored: 0, moved: 1, fuzzy: 0, orphaned: 0 } });
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { revisions: { orderBy: { revision: "asc" } } } });
    expect(article.bodyText).toBe(edited);
    expect(article.revision).toBe(2);
    expect(article.revisions.map((r) => [r.revision, r.bodyText, r.createdById])).toEqual([
      [1, text, editor.id],
      [2, edited, editor.id],
    ]);
    const moved = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(moved.start).toBe(claim.start + inserted.length);
    expect(article.bodyText.slice(moved.start, moved.end)).toBe(QUOTE);
    expect(moved.quote).toBe(QUOTE);
    expect(moved).toMatchObject({ anchorStatus: "ANCHORED", version: 2, ...selectorFor(edited, moved.start, moved.end) });

    const events = await db.auditEvent.findMany({ where: { entityId: { in: [articleId, claim.id] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["article.create", "article.revise", "claim.reanchor"]);
    expect(events[1]).toMatchObject({ actorId: editor.id, before: { revision: 1 }, after: { revision: 2 } });
    expect(JSON.stringify(events[1].after)).not.toContain(CLAIM_LINE);
    expect(events[2]).toMatchObject({
      actorId: editor.id,
      before: { start: claim.start, end: claim.end, anchorStatus: "ANCHORED", version: 1 },
      after: { start: moved.start, end: moved.end, anchorStatus: "ANCHORED", version: 2, match: "moved" },
    });
  });

  it("leaves a claim untouched (no version bump, no event) when the edit is far from it", async () => {
    const editor = await makeActor("EDITOR", "Ерлан Досов");
    const { articleId, text, claim } = await articleWithClaim("Соңғы жол: екі.", editor);
    const result = await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: `${text} Тағы бір сөз.` });
    expect(result.claims).toEqual({ anchored: 1, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toEqual(claim);
    expect(await db.auditEvent.count({ where: { entityId: claim.id } })).toBe(0);
  });

  it("keeps a submitted claim of a confirmed group on its words when a sentence is typed at the start of the next line", async () => {
    const editor = await makeActor("EDITOR", "Мәди Жақсылықов");
    const pasted = "Шымкентте ереуіл болды (X).\nПолиция сол күні 120 адамды ұстады.\nКейін олардың көбі босатылды.";
    const { articleId } = await createArticle({ actorId: editor.id, text: pasted });
    const group = await db.claimGroup.create({ data: { status: "CONFIRMED", label: "Шымкенттегі ұсталғандар", createdById: editor.id } });
    const start = pasted.indexOf("120 адамды");
    const claim = await db.claim.create({
      data: {
        articleId, ...selectorFor(pasted, start, start + "120 адамды".length), category: "DETENTION_COUNT", value: 120,
        status: "SUBMITTED", queuedAt: new Date(), groupId: group.id, authorId: editor.id,
      },
    });
    const thirdLine = pasted.lastIndexOf("\n") + 1;
    const edited = `${pasted.slice(0, thirdLine)}Ұсталғандардың арасында журналистер де болды. ${pasted.slice(thirdLine)}`;

    const result = await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: edited });

    expect(result.claims).toEqual({ anchored: 1, moved: 0, fuzzy: 0, orphaned: 0 });
    // Same words, status and group; only its stored context now reads the new sentence.
    const kept = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(kept).toMatchObject({ ...selectorFor(edited, claim.start, claim.end), start: claim.start, quote: "120 адамды", anchorStatus: "ANCHORED", status: "SUBMITTED", groupId: group.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.reanchor" } });
    expect(event.after).toMatchObject({ anchorStatus: "ANCHORED", match: "exact", start: claim.start });
    // Its words are tagged, so they are not offered again as a suggestion (a duplicate claim).
    const suggestions = await listSuggestions({ actor: editor, articleId });
    expect(suggestions.map((s) => s.text)).not.toContain("120 адамды");
  });

  it("moves a claim with its words when the edit's smallest reading lands inside them", async () => {
    const editor = await makeActor("EDITOR", "Талғат Өмірбек");
    const { articleId, text, claim } = await articleWithClaim("Соңғы жол: тоғыз.", editor);
    // The inserted sentence ends with the claim's own first words.
    const inserted = "Кеше төрт мыңға жуық ";
    const edited = text.replace(QUOTE, inserted + QUOTE);

    const result = await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: edited });

    expect(result.claims).toEqual({ anchored: 0, moved: 1, fuzzy: 0, orphaned: 0 });
    const moved = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(moved).toMatchObject({ start: claim.start + inserted.length, end: claim.end + inserted.length, quote: QUOTE, anchorStatus: "ANCHORED" });
  });

  it("orphans the claim when its paragraph is deleted, keeping its old quote and offsets as evidence", async () => {
    const editor = await makeActor("EDITOR", "Дана Әлиева");
    const { articleId, text, claim } = await articleWithClaim("Соңғы жол: үш.", editor);
    const edited = text.replace(`${CLAIM_LINE}\n`, "");

    const result = await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: edited });

    expect(result.claims).toEqual({ anchored: 0, moved: 0, fuzzy: 0, orphaned: 1 });
    const orphan = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(orphan).toMatchObject({
      anchorStatus: "ORPHANED",
      version: 2,
      start: claim.start,
      end: claim.end,
      quote: QUOTE,
      prefix: claim.prefix,
      suffix: claim.suffix,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.reanchor" } });
    expect(event).toMatchObject({ actorId: editor.id, before: { anchorStatus: "ANCHORED" }, after: { anchorStatus: "ORPHANED", match: "orphaned" } });
  });

  it("accepts the editor's document and stores its plain text", async () => {
    const editor = await makeActor("EDITOR", "Нұрлан Қасым");
    const { articleId, text, claim } = await articleWithClaim("Соңғы жол: төрт.", editor);
    const paragraphs = text.split("\n").map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" }));
    const doc = { type: "doc", content: [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Жаңа тақырып" }] }, ...paragraphs] };

    const result = await reviseArticle({ actor: editor, articleId, expectedRevision: 1, doc });

    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(article.bodyText).toBe(`Жаңа тақырып\n${text}`);
    expect(docToPlainText(article.bodyJson as object)).toBe(article.bodyText);
    expect(result.claims.moved).toBe(1);
    const moved = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(article.bodyText.slice(moved.start, moved.end)).toBe(QUOTE);
  });

  it("refuses a stale revision, naming who saved the newer one, and changes nothing", async () => {
    const first = await makeActor("EDITOR", "Айжан Бекова");
    const second = await makeActor("EDITOR", "Марат Ержанов");
    const { articleId, text } = await articleWithClaim("Соңғы жол: бес.", first);
    await reviseArticle({ actor: first, articleId, expectedRevision: 1, text: `Кіріспе.\n${text}` });
    const before = await snapshot(articleId);

    const error = await reviseArticle({ actor: second, articleId, expectedRevision: 1, text: `${text}\nМенің өзгерісім.` }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ArticleConflictError);
    expect(error).toMatchObject({ kind: "conflict", code: "libArticles.conflict.byNameAt", currentRevision: 2, changedBy: "Айжан Бекова" });
    expect((error as Error).message).toContain("Айжан Бекова");
    expect(await snapshot(articleId)).toEqual(before);
  });

  it("lets exactly one of two simultaneous edits of the same revision win", async () => {
    const editor = await makeActor("EDITOR", "Бекзат Оспанов");
    const { articleId, text } = await articleWithClaim("Соңғы жол: алты.", editor);
    const results = await Promise.allSettled([
      reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: `${text}\nБірінші нұсқа.` }),
      reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: `${text}\nЕкінші нұсқа.` }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ArticleConflictError);
    expect(await db.articleRevision.count({ where: { articleId } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: articleId, action: "article.revise" } })).toBe(1);
  });

  it("refuses an unchanged text, an empty text and another article's text, and changes nothing", async () => {
    const editor = await makeActor("EDITOR", "Сәуле Маратқызы");
    const { articleId, text } = await articleWithClaim("Соңғы жол: жеті.", editor);
    const other = await createArticle({ actorId: editor.id, text: "Басқа мақала.\nОнда 5 адам бар." });
    const before = await snapshot(articleId);

    for (const [input, message] of [
      [text, /unchanged/],
      [" \n\n  ", /empty/],
      ["", /empty/],
      ["Басқа мақала.\r\nОнда 5 адам бар.", /already stored as another article \("Басқа мақала\."\)/],
    ] as const) {
      const error = await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: input }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DerekError);
      expect(error).toMatchObject({ field: "text", message: expect.stringMatching(message) });
    }
    expect(await snapshot(articleId)).toEqual(before);
    expect(other.status).toBe("created");
  });

  it("refuses a reviewer, who may not edit articles, and changes nothing", async () => {
    const editor = await makeActor("EDITOR", "Ғалым Сейіт");
    const reviewer = await makeActor("REVIEWER", "Әсел Нұрова");
    const { articleId, text } = await articleWithClaim("Соңғы жол: сегіз.", editor);
    const before = await snapshot(articleId);
    const error = await reviseArticle({ actor: reviewer, articleId, expectedRevision: 1, text: `${text}\nӨзгеріс.` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await snapshot(articleId)).toEqual(before);
  });
});
