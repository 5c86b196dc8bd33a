import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import type { Actor } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/auth/policy";
import { createClaimSchema, updateClaimSchema, type ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import { deleteClaim, restoreClaim, submitClaim } from "@/lib/claims/change-claim-state";
import { createClaim } from "@/lib/claims/create-claim";
import { listArticleClaims } from "@/lib/claims/list-article-claims";
import { updateClaim } from "@/lib/claims/update-claim";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { SEED_TEXTS_DIR } from "../../support/paths";
import { claimChanged } from "../../support/refusals";

const QUOTE = "төрт мыңға жуық адам";
let text: string;
let articleId: string;
let editor: Actor;
let otherEditor: Actor;
let reviewer: Actor;

async function makeActor(role: Actor["role"], email: string, name = email): Promise<Actor> {
  const user = await db.user.create({ data: { email, name, role, passwordHash: "x" } });
  return { id: user.id, role, active: true };
}

const detention: ClaimFieldsInput = {
  category: "DETENTION_COUNT",
  value: "4000",
  unit: "person",
  qualifier: "APPROXIMATELY",
  claimant: "Ішкі істер министрі",
  eventDate: "2019-06-09",
  sources: [
    {
      newSource: { url: "https://www.gov.kz/memleket/entities/qriim/press/news/1", title: "Брифинг", kind: "OFFICIAL_STATEMENT" },
      stance: "SUPPORTS",
      passage: "төрт мыңға жуық адам ұсталды",
    },
  ],
};

function tagQuote(actor: Actor, fields: ClaimFieldsInput = detention, quote = QUOTE) {
  const start = text.indexOf(quote);
  return createClaim({ actor, input: createClaimSchema.parse({ articleId, revision: 1, start, end: start + quote.length, ...fields }) });
}

beforeAll(async () => {
  text = await readFile(path.join(SEED_TEXTS_DIR, "002_37550b50464d8635.txt"), "utf8");
  articleId = (await createArticle({ actorId: null, text })).articleId;
  editor = await makeActor("EDITOR", "editor@claims.test", "Әйгерім");
  otherEditor = await makeActor("EDITOR", "other@claims.test", "Бақыт");
  reviewer = await makeActor("REVIEWER", "reviewer@claims.test");
});

describe("tagging a claim", () => {
  it("stores the span with its quote and context, its sources, and an audit event", async () => {
    const claim = await tagQuote(editor);
    expect(text.slice(claim.start, claim.end)).toBe(QUOTE);
    expect(claim).toMatchObject({ quote: QUOTE, status: "DRAFT", version: 1, qualifier: "APPROXIMATELY", authorId: editor.id });
    expect(claim.value?.toString()).toBe("4000");
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { sources: { include: { source: true } } } });
    expect(text.slice(claim.start - stored.prefix.length, claim.start)).toBe(stored.prefix);
    expect(text.slice(claim.end, claim.end + stored.suffix.length)).toBe(stored.suffix);
    expect(stored.sources.map((s) => [s.stance, s.source.kind, s.passage])).toEqual([["SUPPORTS", "OFFICIAL_STATEMENT", "төрт мыңға жуық адам ұсталды"]]);
    const events = await db.auditEvent.findMany({ where: { entityId: claim.id } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["claim.create", editor.id]]);
  });

  it("trims spaces a selection picked up at its edges", async () => {
    const start = text.indexOf(QUOTE) - 1;
    const claim = await createClaim({ actor: editor, input: createClaimSchema.parse({ articleId, revision: 1, start, end: start + QUOTE.length + 2, ...detention }) });
    expect(claim.quote).toBe(QUOTE);
  });

  it("refuses a selection of only whitespace, or outside the text, and stores nothing", async () => {
    const before = await db.claim.count();
    const space = text.indexOf(" ");
    await expect(createClaim({ actor: editor, input: createClaimSchema.parse({ articleId, revision: 1, start: space, end: space + 1, ...detention }) })).rejects.toThrow(
      "Select some words, not only spaces.",
    );
    await expect(
      createClaim({ actor: editor, input: createClaimSchema.parse({ articleId, revision: 1, start: text.length - 2, end: text.length + 5, ...detention }) }),
    ).rejects.toBeInstanceOf(DerekError);
    expect(await db.claim.count()).toBe(before);
    expect(await db.source.count({ where: { claims: { none: {} } } })).toBe(0);
  });

  it("refuses a reviewer, who reviews claims rather than writes them", async () => {
    await expect(tagQuote(reviewer)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("rolls back the claim when a source it names does not exist", async () => {
    const before = await db.claim.count();
    const fields = { ...detention, sources: [{ sourceId: "00000000-0000-4000-8000-000000000000", stance: "SUPPORTS" as const }] };
    await expect(tagQuote(editor, fields)).rejects.toMatchObject({ code: "libClaims.source.gone", field: "sources.0.sourceId" });
    expect(await db.claim.count()).toBe(before);
  });
});

describe("claim input", () => {
  const parse = (fields: Partial<ClaimFieldsInput>) => createClaimSchema.safeParse({ articleId, revision: 1, start: 0, end: 5, ...detention, ...fields });
  const messages = (result: ReturnType<typeof parse>) => Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("reads newsroom numbers: a decimal comma and spaced thousands", () => {
    expect(parse({ value: "63,3" }).data?.value).toBe("63.3");
    expect(parse({ value: "1 200" }).data?.value).toBe("1200");
  });

  it("refuses a value that is not a number, min over max, and a source URL that is not http(s)", () => {
    expect(messages(parse({ value: "төрт мың" }))).toEqual({ value: "libClaims.figure.number" });
    expect(messages(parse({ value: "", min: "30", max: "25" }))).toEqual({ max: "libClaims.figure.maxBelowMin" });
    const badUrl = parse({ sources: [{ newSource: { url: "javascript:alert(1)", kind: "OTHER" }, stance: "SUPPORTS" }] });
    expect(messages(badUrl)).toEqual({ "sources.0.newSource.url": "libClaims.source.url" });
    expect(messages(parse({ eventDate: "9 маусым" }))).toEqual({ eventDate: "libClaims.fields.date" });
  });

  it("takes an optional statement for publication, trimmed and bounded", () => {
    expect(parse({}).data?.statement).toBeNull();
    expect(parse({ statement: "  Полиция 4 000-ға жуық адамды ұстады.  " }).data?.statement).toBe("Полиция 4 000-ға жуық адамды ұстады.");
    expect(parse({ statement: "ә".repeat(280) }).success).toBe(true);
    expect(messages(parse({ statement: "ә".repeat(281) }))).toEqual({ statement: "libClaims.fields.statementTooLong" });
  });

  it("asks for a figure unless the claim is vague or a date", () => {
    expect(messages(parse({ value: "" }))).toEqual({ value: "libClaims.figure.required" });
    expect(parse({ value: "", qualifier: "VAGUE" }).success).toBe(true);
  });
});

describe("changing a claim", () => {
  it("updates fields and sources, bumps the version, and keeps the history", async () => {
    const claim = await tagQuote(editor);
    const updated = await updateClaim({
      actor: editor,
      input: updateClaimSchema.parse({ claimId: claim.id, expectedVersion: 1, ...detention, value: "3900", sources: [] }),
    });
    expect(updated.version).toBe(2);
    expect(updated.value?.toString()).toBe("3900");
    expect(await db.claimSource.count({ where: { claimId: claim.id } })).toBe(0);
    const events = await db.auditEvent.findMany({ where: { entityId: claim.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["claim.create", "claim.update"]);
    expect((events[1].before as { value: string }).value).toBe("4000");
  });

  it("stores the statement an editor gives and clears it when they empty the field", async () => {
    const claim = await tagQuote(editor);
    const statement = "Полиция 4 000-ға жуық адамды ұстады.";
    const stated = await updateClaim({ actor: editor, input: updateClaimSchema.parse({ claimId: claim.id, expectedVersion: 1, ...detention, statement }) });
    expect(stated.statement).toBe(statement);
    const cleared = await updateClaim({ actor: editor, input: updateClaimSchema.parse({ claimId: claim.id, expectedVersion: 2, ...detention, statement: "" }) });
    expect(cleared.statement).toBeNull();
  });

  it("lets exactly one of two simultaneous changes land; the other learns who changed it", async () => {
    const claim = await tagQuote(editor);
    const change = (value: string) =>
      updateClaim({ actor: editor, input: updateClaimSchema.parse({ claimId: claim.id, expectedVersion: 1, ...detention, value }) });
    const results = await Promise.allSettled([change("4100"), change("4200")]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject(claimChanged);
    expect(rejected[0].reason.message).toContain("Әйгерім");
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.version).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: claim.id, action: "claim.update" } })).toBe(1);
  });

  it("lets only the author change a claim", async () => {
    const claim = await tagQuote(editor);
    await expect(
      updateClaim({ actor: otherEditor, input: updateClaimSchema.parse({ claimId: claim.id, expectedVersion: 1, ...detention }) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("deletes softly, restores on undo, and refuses a stale undo", async () => {
    const claim = await tagQuote(editor);
    const deleted = await deleteClaim({ actor: editor, ref: { claimId: claim.id, expectedVersion: 1 } });
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect((await listArticleClaims({ actor: editor, articleId })).map((c) => c.id)).not.toContain(claim.id);
    await expect(restoreClaim({ actor: editor, ref: { claimId: claim.id, expectedVersion: 1 } })).rejects.toMatchObject(claimChanged);
    await restoreClaim({ actor: editor, ref: { claimId: claim.id, expectedVersion: 2 } });
    expect((await listArticleClaims({ actor: editor, articleId })).map((c) => c.id)).toContain(claim.id);
    const events = await db.auditEvent.findMany({ where: { entityId: claim.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["claim.create", "claim.delete", "claim.restore"]);
  });

  it("submits a draft for review once, and freezes it for everyone when verified", async () => {
    const claim = await tagQuote(editor);
    const submitted = await submitClaim({ actor: editor, ref: { claimId: claim.id, expectedVersion: 1 } });
    expect(submitted.status).toBe("SUBMITTED");
    await expect(submitClaim({ actor: editor, ref: { claimId: claim.id, expectedVersion: 2 } })).rejects.toBeInstanceOf(ForbiddenError);
    await db.claim.update({ where: { id: claim.id }, data: { status: "VERIFIED" } });
    await expect(deleteClaim({ actor: editor, ref: { claimId: claim.id, expectedVersion: 2 } })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).toBeNull();
  });
});

describe("tagging against a text that changed", () => {
  it("refuses offsets taken from an older revision of the article", async () => {
    const { reviseArticle } = await import("@/lib/articles/revise-article");
    const own = (await createArticle({ actorId: null, text: `${text}\nЖеке көшірме ${Date.now()}.` })).articleId;
    await reviseArticle({ actor: editor, articleId: own, expectedRevision: 1, text: `Жаңа кіріспе.\n${text}` });
    const start = text.indexOf(QUOTE);
    const stale = createClaimSchema.parse({ articleId: own, revision: 1, start, end: start + QUOTE.length, ...detention });
    await expect(createClaim({ actor: editor, input: stale })).rejects.toMatchObject({ code: "libClaims.range.textChanged", params: { revision: 2 }, field: "range", kind: "conflict" });
    expect(await db.claim.count({ where: { articleId: own } })).toBe(0);
  });
});
