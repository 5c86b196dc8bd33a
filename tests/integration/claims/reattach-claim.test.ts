import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { selectorFor } from "@/lib/anchoring";
import { createArticle } from "@/lib/articles/create-article";
import { reviseArticle } from "@/lib/articles/revise-article";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { reattachClaim } from "@/lib/claims/reattach-claim";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { SEED_TEXTS_DIR } from "../../support/paths";

const SEED = await readFile(path.join(SEED_TEXTS_DIR, "002_37550b50464d8635.txt"), "utf8");
const OLD_QUOTE = "төрт мыңға жуық адам";
// "nearly four thousand" became "more than four thousand": another fact, so re-anchoring must
// orphan the claim rather than follow the words.
const NEW_QUOTE = "төрт мыңнан астам адам";

let users = 0;
async function makeActor(role: Actor["role"], name: string): Promise<Actor> {
  const user = await db.user.create({ data: { email: `reattach${++users}@derek.test`, name, role, passwordHash: "x" } });
  return { id: user.id, role: user.role, active: true };
}

/** An article whose claim was orphaned by an edit of its words: the situation re-attaching is for. */
async function orphanedClaim(tail: string, author: Actor) {
  const text = `${SEED}\n${tail}`;
  const { articleId } = await createArticle({ actorId: author.id, text });
  const start = text.indexOf(OLD_QUOTE);
  const { quote, prefix, suffix } = selectorFor(text, start, start + OLD_QUOTE.length);
  const claim = await db.claim.create({
    data: { articleId, start, end: start + OLD_QUOTE.length, quote, prefix, suffix, category: "DETENTION_COUNT", value: 4000, authorId: author.id },
  });
  const edited = text.replace(OLD_QUOTE, NEW_QUOTE);
  const { claims } = await reviseArticle({ actor: author, articleId, expectedRevision: 1, text: edited });
  expect(claims.orphaned).toBe(1);
  const orphan = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
  expect(orphan).toMatchObject({ anchorStatus: "ORPHANED", version: 2, quote: OLD_QUOTE });
  return { articleId, edited, claim: orphan, newStart: edited.indexOf(NEW_QUOTE) };
}

describe("reattachClaim", () => {
  it("re-attaches an orphaned claim to the selected words, trimming the spaces a mouse selection picks up", async () => {
    const editor = await makeActor("EDITOR", "Әйгерім Тұрсын");
    const { edited, claim, newStart } = await orphanedClaim("Соңғы жол: бір.", editor);

    const after = await reattachClaim({ actor: editor, claimId: claim.id, expectedVersion: 2, expectedRevision: 2, start: newStart - 1, end: newStart + NEW_QUOTE.length + 1 });

    expect(after).toMatchObject({ start: newStart, end: newStart + NEW_QUOTE.length, quote: NEW_QUOTE, anchorStatus: "ANCHORED", version: 3 });
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored).toMatchObject(selectorFor(edited, newStart, newStart + NEW_QUOTE.length));
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.reattach" } });
    expect(event).toMatchObject({
      actorId: editor.id,
      before: { quote: OLD_QUOTE, anchorStatus: "ORPHANED", version: 2 },
      after: { quote: NEW_QUOTE, anchorStatus: "ANCHORED", version: 3, articleRevision: 2 },
    });
  });

  it("refuses a selection of only spaces and one outside the text, and changes nothing", async () => {
    const editor = await makeActor("EDITOR", "Ержан Әміров");
    const { edited, claim } = await orphanedClaim("Соңғы жол: екі.", editor);
    const space = edited.indexOf(" ");
    const events = await db.auditEvent.count();

    for (const [start, end] of [[space, space + 1], [10, 10], [edited.length - 2, edited.length + 5], [-1, 4]]) {
      const error = await reattachClaim({ actor: editor, claimId: claim.id, expectedVersion: 2, expectedRevision: 2, start, end }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DerekError);
      expect(error).toMatchObject({ field: "range" });
    }
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toEqual(claim);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("refuses a stale version, naming who changed the claim, and keeps their change", async () => {
    const editor = await makeActor("EDITOR", "Гүлнар Сапарова");
    const admin = await makeActor("ADMIN", "Бақыт Жұмабаев");
    const { claim, newStart } = await orphanedClaim("Соңғы жол: үш.", editor);
    await reattachClaim({ actor: admin, claimId: claim.id, expectedVersion: 2, expectedRevision: 2, start: newStart, end: newStart + 4 });
    const adminsChange = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });

    const error = await reattachClaim({ actor: editor, claimId: claim.id, expectedVersion: 2, expectedRevision: 2, start: newStart, end: newStart + NEW_QUOTE.length }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: "conflict", code: "libClaims.conflict.byNameAt", params: { name: "Бақыт Жұмабаев" } });
    expect((error as Error).message).toContain("Бақыт Жұмабаев");
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toEqual(adminsChange);
    expect(adminsChange).toMatchObject({ quote: "төрт", version: 3 });
  });

  it("refuses offsets chosen in an older revision of the article", async () => {
    const editor = await makeActor("EDITOR", "Мәди Ахметов");
    const { articleId, edited, claim, newStart } = await orphanedClaim("Соңғы жол: төрт.", editor);
    await reviseArticle({ actor: editor, articleId, expectedRevision: 2, text: `Жаңа кіріспе.\n${edited}` });
    const current = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });

    const error = await reattachClaim({ actor: editor, claimId: claim.id, expectedVersion: current.version, expectedRevision: 2, start: newStart, end: newStart + NEW_QUOTE.length }).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: "conflict", code: "libArticles.conflict.byNameAt", params: { revision: 3, name: "Мәди Ахметов" } });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toEqual(current);
  });

  it("refuses a reviewer and another editor: only the author (or an admin) re-attaches a claim", async () => {
    const editor = await makeActor("EDITOR", "Райхан Омар");
    const other = await makeActor("EDITOR", "Талғат Бек");
    const reviewer = await makeActor("REVIEWER", "Зере Ким");
    const { claim, newStart } = await orphanedClaim("Соңғы жол: бес.", editor);
    for (const actor of [reviewer, other]) {
      const error = await reattachClaim({ actor, claimId: claim.id, expectedVersion: 2, expectedRevision: 2, start: newStart, end: newStart + NEW_QUOTE.length }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
    }
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toEqual(claim);
  });
});
