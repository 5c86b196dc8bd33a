import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { REPO_ROOT, SEED_TEXTS_DIR } from "../../support/paths";

// A claim action on a long article answered with every claim of it, so a save cost as much as
// the article was long. Each action now answers with the claims it changed (with what the reader
// may do with them) and the ids of those it removed, and nothing else.

let signedInUserId: string | null = null;
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// next-intl's server functions need React's server build, which vitest does not load: the same
// translator over the English catalogs.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/catalog");
  const messages = loadMessages("en", REPO_ROOT);
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
    getLocale: async () => "en",
  };
});
vi.mock("@/app/_lib/session", () => ({
  currentActor: () => loadActor(signedInUserId),
  requirePageActor: () => {
    throw new Error("pages are not under test here");
  },
}));

const { createClaimAction, deleteClaimAction, restoreClaimAction, submitClaimAction, updateClaimAction } = await import("@/app/(workbench)/articles/[id]/actions");

const QUOTE = "70 пайыздан астам";
const FIELDS = { category: "VOTE_SHARE", value: "71", qualifier: "MORE_THAN", unit: "percent", sources: [] };
let editor: Actor;
let articleId: string;
let revision: number;
let start: number;

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `answers-${Date.now()}@claim-actions.test`, name: "answers", role: "EDITOR", passwordHash: "x" } });
  editor = { id: user.id, role: "EDITOR", active: true };
  signedInUserId = user.id;
  const seedText = await readFile(path.join(SEED_TEXTS_DIR, "000_cfd52a1e966a8c28.txt"), "utf8");
  ({ articleId } = await createArticle({ actorId: null, text: `${seedText}\nЖауаптар ${Date.now()}.` }));
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
  revision = article.revision;
  start = article.bodyText.indexOf(QUOTE);
  // Claims already on the article, last changed an hour ago, which no answer should carry.
  await db.claim.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({ articleId, start: i, end: i + 3, quote: article.bodyText.slice(i, i + 3), category: "OTHER" as const, authorId: user.id, updatedAt: new Date(Date.now() - 3_600_000) })),
  });
}, 60_000);

function ok<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe("a claim action's answer", () => {
  it("holds only the claim it changed, with its permissions, through create, update, submit, delete and restore", async () => {
    const created = ok(await createClaimAction({ articleId, revision, start, end: start + QUOTE.length, ...FIELDS }));
    expect(created.changed.map((c) => c.id)).toEqual([created.claimId]);
    expect(created.removedIds).toEqual([]);
    expect(created.changed[0]).toMatchObject({ quote: QUOTE, value: "71", status: "DRAFT", permissions: { canEdit: true, canDelete: true, canSubmit: true, canDecide: false } });
    const claimId = created.claimId;

    const updated = ok(await updateClaimAction({ claimId, expectedVersion: 1, ...FIELDS, value: "72" }));
    expect(updated).toEqual({ changed: [expect.objectContaining({ id: claimId, value: "72", version: 2 })], removedIds: [], syncedAt: expect.any(String) });

    const submitted = ok(await submitClaimAction({ claimId, expectedVersion: 2 }));
    expect(submitted).toEqual({ changed: [expect.objectContaining({ id: claimId, status: "SUBMITTED", permissions: expect.objectContaining({ canSubmit: false }) })], removedIds: [], syncedAt: expect.any(String) });

    await db.claim.update({ where: { id: claimId }, data: { status: "DRAFT" } });
    const deleted = ok(await deleteClaimAction({ claimId, expectedVersion: 3 }));
    expect(deleted).toEqual({ changed: [], removedIds: [claimId], version: expect.any(Number), syncedAt: expect.any(String) });

    const restored = ok(await restoreClaimAction({ claimId, expectedVersion: deleted.version }));
    expect(restored).toEqual({ changed: [expect.objectContaining({ id: claimId })], removedIds: [], syncedAt: expect.any(String) });
    expect(await db.claim.count({ where: { articleId, deletedAt: null } })).toBe(6);
  });

  it("also carries what colleagues changed on the article since the sync point it was sent, and nothing older", async () => {
    // Whatever the test before left on the article was changed long ago, as far as this one knows.
    await db.claim.updateMany({ where: { articleId }, data: { updatedAt: new Date(Date.now() - 3_600_000) } });
    const created = ok(await createClaimAction({ articleId, revision, start: start + 3, end: start + QUOTE.length, ...FIELDS }));
    expect(Date.parse(created.syncedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    const since = new Date(Date.now() - 60_000).toISOString();
    // A colleague, in another session: edits one old claim, deletes another, tags a new one.
    const colleague = await db.user.create({ data: { email: `colleague-${Date.now()}@claim-actions.test`, name: "colleague", role: "EDITOR", passwordHash: "x" } });
    const old = await db.claim.findMany({ where: { articleId, start: { lt: 5 } }, orderBy: { start: "asc" }, select: { id: true } });
    await db.claim.update({ where: { id: old[0].id }, data: { note: "тексерілді", version: { increment: 1 } } });
    await db.claim.update({ where: { id: old[1].id }, data: { deletedAt: new Date() } });
    const theirs = await db.claim.create({ data: { articleId, start: 10, end: 14, quote: "жаңа", category: "OTHER", authorId: colleague.id } });

    const answer = ok(await updateClaimAction({ claimId: created.claimId, expectedVersion: 1, ...FIELDS, value: "73", since }));
    expect(answer.changed.map((c) => c.id).sort()).toEqual([created.claimId, old[0].id, theirs.id].sort());
    expect(answer.removedIds).toEqual([old[1].id]);
    expect(answer.changed.find((c) => c.id === theirs.id)?.permissions.canEdit).toBe(false);

    // Without a sync point, or with one that is not a time, only the action's own claim.
    const plain = ok(await updateClaimAction({ claimId: created.claimId, expectedVersion: 2, ...FIELDS, value: "74", since: "yesterday" }));
    expect(plain.changed.map((c) => c.id)).toEqual([created.claimId]);
    await db.claim.deleteMany({ where: { id: { in: [theirs.id, created.claimId] } } });
  });
});
