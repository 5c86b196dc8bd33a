import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { selectorFor } from "@/lib/anchoring";
import { createArticle } from "@/lib/articles/create-article";
import { reviseArticle } from "@/lib/articles/revise-article";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { listArticleClaims } from "@/lib/claims/list-article-claims";
import { db } from "@/lib/db/client";
import { dismissSuggestion } from "@/lib/suggestions/dismiss-suggestion";
import { listSuggestions } from "@/lib/suggestions/list-suggestions";
import { undismissSuggestion } from "@/lib/suggestions/undismiss-suggestion";
import { SEED_TEXTS_DIR } from "../../support/paths";

const SEED = await readFile(path.join(SEED_TEXTS_DIR, "002_37550b50464d8635.txt"), "utf8");
const QUOTE = "төрт мыңға жуық адам";

let users = 0;
async function makeActor(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { email: `list${++users}@derek.test`, name: `Қолданушы ${users}`, role, passwordHash: "x" } });
  return { id: user.id, role: user.role, active: true };
}

async function importArticle(tail: string, actor: Actor) {
  const text = `${SEED}\n${tail}`;
  const { articleId } = await createArticle({ actorId: actor.id, text });
  return { articleId, text };
}

describe("listing suggestions", () => {
  it("leaves out a suggestion an existing claim already covers, and lists it again once the claim is deleted", async () => {
    const editor = await makeActor("EDITOR");
    const { articleId, text } = await importArticle("Соңғы жол: а.", editor);
    const all = await listSuggestions({ actor: editor, articleId });
    expect(all.map((s) => s.text)).toContain(QUOTE);
    expect(all.find((s) => s.text === QUOTE)?.value).toBe("4000");

    const start = text.indexOf(QUOTE);
    const { quote, prefix, suffix } = selectorFor(text, start, start + QUOTE.length);
    const claim = await db.claim.create({
      data: { articleId, start, end: start + QUOTE.length, quote, prefix, suffix, category: "DETENTION_COUNT", authorId: editor.id },
    });
    const listed = await listSuggestions({ actor: editor, articleId });
    expect(listed.map((s) => s.text)).toEqual(all.map((s) => s.text).filter((t) => t !== QUOTE));

    await db.claim.update({ where: { id: claim.id }, data: { deletedAt: new Date() } });
    expect(await listSuggestions({ actor: editor, articleId })).toEqual(all);
  });

  it("hides what the caller's own list of the article's claims covers, without reading the claims again (the workbench page reads them once)", async () => {
    const editor = await makeActor("EDITOR");
    const { articleId, text } = await importArticle("Соңғы жол: ә.", editor);
    const all = await listSuggestions({ actor: editor, articleId });
    const start = text.indexOf(QUOTE);
    const claims = await listArticleClaims({ actor: editor, articleId });
    expect(await listSuggestions({ actor: editor, articleId, claims: Promise.resolve(claims) })).toEqual(all);

    // A range only the given list holds hides its suggestion: the list is what is read, not the table.
    const given = [...claims, { start, end: start + QUOTE.length, anchorStatus: "ANCHORED" }];
    const listed = await listSuggestions({ actor: editor, articleId, claims: Promise.resolve(given) });
    expect(listed.map((s) => s.text)).toEqual(all.map((s) => s.text).filter((t) => t !== QUOTE));
    // An orphan's offsets point into an older text: it hides nothing.
    const orphan = [{ start, end: start + QUOTE.length, anchorStatus: "ORPHANED" }];
    expect(await listSuggestions({ actor: editor, articleId, claims: Promise.resolve(orphan) })).toEqual(all);
  });

  it("is open to every role and refuses an unknown article id before querying", async () => {
    const editor = await makeActor("EDITOR");
    const reviewer = await makeActor("REVIEWER");
    const { articleId } = await importArticle("Соңғы жол: ә.", editor);
    expect((await listSuggestions({ actor: reviewer, articleId })).length).toBeGreaterThan(0);
    await expect(listSuggestions({ actor: reviewer, articleId: "" })).rejects.toMatchObject({ code: "libArticles.ref.notFound", kind: "not-found" });
    await expect(listSuggestions({ actor: reviewer, articleId: undefined as unknown as string })).rejects.toMatchObject({ code: "libArticles.ref.notFound", kind: "not-found" });
  });
});

describe("dismissing suggestions", () => {
  it("dismisses and restores a suggestion, each with an audit event, and ignores a repeat", async () => {
    const editor = await makeActor("EDITOR");
    const { articleId } = await importArticle("Соңғы жол: б.", editor);
    const [target] = await listSuggestions({ actor: editor, articleId });

    expect(await dismissSuggestion({ actor: editor, suggestionId: target.id })).toEqual({ suggestionId: target.id, dismissed: true, changed: true });
    expect(await dismissSuggestion({ actor: editor, suggestionId: target.id })).toMatchObject({ changed: false });
    expect((await listSuggestions({ actor: editor, articleId })).map((s) => s.id)).not.toContain(target.id);
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ dismissedById: editor.id });

    expect(await undismissSuggestion({ actor: editor, suggestionId: target.id })).toMatchObject({ dismissed: false, changed: true });
    expect((await listSuggestions({ actor: editor, articleId }))[0].id).toBe(target.id);
    expect(await db.claimSuggestion.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ dismissedAt: null, dismissedById: null });

    const events = await db.auditEvent.findMany({ where: { entityType: "ClaimSuggestion", entityId: target.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["suggestion.dismiss", editor.id],
      ["suggestion.undismiss", editor.id],
    ]);
    expect(events[0]).toMatchObject({ before: { dismissedAt: null, text: target.text }, after: { text: target.text } });
  });

  it("refuses a reviewer, an unknown suggestion and a suggestion of an older revision, changing nothing", async () => {
    const editor = await makeActor("EDITOR");
    const reviewer = await makeActor("REVIEWER");
    const { articleId, text } = await importArticle("Соңғы жол: в.", editor);
    const [target] = await listSuggestions({ actor: editor, articleId });

    await expect(dismissSuggestion({ actor: reviewer, suggestionId: target.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(dismissSuggestion({ actor: editor, suggestionId: "not-an-id" })).rejects.toMatchObject({ kind: "not-found", code: "libSuggestions.notFound" });
    await expect(dismissSuggestion({ actor: editor, suggestionId: "0190a000-0000-7000-8000-000000000000" })).rejects.toMatchObject({ kind: "not-found", code: "libSuggestions.notFound" });

    await reviseArticle({ actor: editor, articleId, expectedRevision: 1, text: `Кіріспе.\n${text}` });
    await expect(dismissSuggestion({ actor: editor, suggestionId: target.id })).rejects.toMatchObject({ kind: "conflict", code: "libSuggestions.stale" });

    expect(await db.claimSuggestion.count({ where: { articleId, dismissedAt: { not: null } } })).toBe(0);
    const ids = (await db.claimSuggestion.findMany({ where: { articleId }, select: { id: true } })).map((s) => s.id);
    expect(await db.auditEvent.count({ where: { entityType: "ClaimSuggestion", entityId: { in: ids } } })).toBe(0);
  });
});
