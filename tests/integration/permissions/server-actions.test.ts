import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { loadActor } from "@/lib/auth/load-actor";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { REPO_ROOT, SEED_TEXTS_DIR } from "../../support/paths";

// Every server action is a public endpoint. This test finds them all in app/ and holds each to an
// explicit table of who may call it: a new action without a row here fails, and each row is
// checked by calling the action as every kind of user against the real database.

let signedInUserId: string | null = null;
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// next-intl's server functions need React's server build, which vitest does not load: the same
// translator over the English catalogs (the refusals' words are not under test here, only who
// may call what).
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/catalog");
  const messages = loadMessages("en", REPO_ROOT);
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
    getLocale: async () => "en",
  };
});
// Outside a request there are no cookies or headers; the language switch sets a cookie.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));
// The real session reads next-auth's cookie; here the signed-in user is whoever the test says,
// still loaded through loadActor so a deactivated account counts as signed out, as in the app.
vi.mock("@/app/_lib/session", () => ({
  currentActor: () => loadActor(signedInUserId),
  requirePageActor: () => {
    throw new Error("pages are not under test here");
  },
}));

type Who = "anonymous" | "deactivated" | "author" | "otherEditor" | "reviewer" | "admin";
const EVERYONE_SIGNED_IN: Who[] = ["author", "otherEditor", "reviewer", "admin"];
const EDITORS: Who[] = ["author", "otherEditor", "admin"];
const AUTHOR_OR_ADMIN: Who[] = ["author", "admin"];

interface Fixture {
  users: Record<Exclude<Who, "anonymous">, string>;
  seedText: string;
}

interface Row {
  allowed: Who[];
  /** Valid input for the action, built fresh for each call so calls do not disturb each other. */
  input: (f: Fixture) => Promise<unknown>;
}

let counter = 0;
const unique = () => `${Date.now()}-${++counter}`;

async function freshArticle(f: Fixture) {
  const { articleId } = await createArticle({ actorId: null, text: `${f.seedText}\nПерм ${unique()}.` });
  return db.article.findUniqueOrThrow({ where: { id: articleId } });
}

async function freshClaim(f: Fixture, data: { status?: "DRAFT" | "SUBMITTED" | "VERIFIED"; rating?: "TRUE"; anchorStatus?: "ORPHANED"; deletedAt?: Date; version?: number } = {}) {
  const article = await freshArticle(f);
  const start = article.bodyText.indexOf("70 пайыздан астам");
  return db.claim.create({
    data: {
      articleId: article.id,
      start,
      end: start + 17,
      quote: "70 пайыздан астам",
      category: "VOTE_SHARE",
      value: "70",
      authorId: f.users.author,
      ...data,
    },
  });
}

async function freshSuggestion(f: Fixture) {
  const article = await freshArticle(f);
  const suggestion = await db.claimSuggestion.findFirstOrThrow({ where: { articleId: article.id, text: "70 пайыздан астам" } });
  return { articleId: article.id, suggestionId: suggestion.id };
}

/** A claim group of two fresh claims of the same category, as the group pages act on it. */
async function freshGroup(f: Fixture, status: "PROPOSED" | "CONFIRMED" = "PROPOSED") {
  const group = await db.claimGroup.create({ data: { status } });
  const claims = [await freshClaim(f), await freshClaim(f)];
  await db.claim.updateMany({ where: { id: { in: claims.map((c) => c.id) } }, data: { groupId: group.id } });
  const fresh = await db.claimGroup.findUniqueOrThrow({ where: { id: group.id } });
  return { groupId: group.id, expectedUpdatedAt: fresh.updatedAt.toISOString(), claimIds: claims.map((c) => c.id) };
}

const KNOWN_PASSWORD = "the-fixture-password";
let knownPasswordHash: Promise<string> | undefined;

const claimFields = { category: "VOTE_SHARE", value: "70", qualifier: "MORE_THAN", unit: "percent", sources: [] };

const EXPECTED: Record<string, Row> = {
  "app/_lib/locale-actions.ts#setLocaleAction": {
    // A language is anyone's to choose, the sign-in page's visitor too.
    allowed: ["anonymous", "deactivated", ...EVERYONE_SIGNED_IN],
    input: async () => ({ locale: "ru" }),
  },
  "app/(workbench)/admin/tokens/actions.ts#issueApiTokenAction": {
    allowed: ["admin"],
    input: async (f) => ({ userId: f.users.author, name: `Token ${unique()}` }),
  },
  "app/(workbench)/admin/tokens/actions.ts#revokeApiTokenAction": {
    allowed: ["admin"],
    input: async (f) => {
      const token = await db.apiToken.create({ data: { userId: f.users.author, name: `Token ${unique()}`, tokenHash: `hash-${unique()}` } });
      return { tokenId: token.id };
    },
  },
  "app/(workbench)/ledger/groups/actions.ts#proposeGroupsAction": {
    allowed: EDITORS,
    input: async () => ({}),
  },
  "app/(workbench)/ledger/groups/actions.ts#confirmGroupAction": {
    allowed: EDITORS,
    input: async (f) => {
      const { groupId, expectedUpdatedAt } = await freshGroup(f);
      return { groupId, expectedUpdatedAt, label: "Тоқаевтың дауысы" };
    },
  },
  "app/(workbench)/ledger/groups/actions.ts#removeClaimFromGroupAction": {
    allowed: EDITORS,
    input: async (f) => {
      const { groupId, expectedUpdatedAt, claimIds } = await freshGroup(f, "CONFIRMED");
      return { groupId, expectedUpdatedAt, claimId: claimIds[0] };
    },
  },
  "app/(workbench)/ledger/groups/actions.ts#splitGroupAction": {
    allowed: EDITORS,
    input: async (f) => {
      const { groupId, expectedUpdatedAt, claimIds } = await freshGroup(f, "CONFIRMED");
      const third = await freshClaim(f);
      await db.claim.update({ where: { id: third.id }, data: { groupId } });
      const fresh = await db.claimGroup.findUniqueOrThrow({ where: { id: groupId } });
      return { groupId, expectedUpdatedAt: fresh.updatedAt.toISOString() ?? expectedUpdatedAt, claimIds: [claimIds[0], third.id].slice(0, 2) };
    },
  },
  "app/(workbench)/ledger/groups/actions.ts#mergeGroupsAction": {
    allowed: EDITORS,
    input: async (f) => {
      const first = await freshGroup(f, "CONFIRMED");
      const second = await freshGroup(f);
      return { groupId: first.groupId, expectedUpdatedAt: first.expectedUpdatedAt, otherGroupId: second.groupId };
    },
  },
  "app/(workbench)/ledger/groups/actions.ts#dissolveGroupAction": {
    allowed: EDITORS,
    input: async (f) => {
      const { groupId, expectedUpdatedAt } = await freshGroup(f);
      return { groupId, expectedUpdatedAt };
    },
  },
  "app/(workbench)/ledger/groups/actions.ts#addClaimToGroupAction": {
    allowed: EDITORS,
    input: async (f) => {
      const { groupId, expectedUpdatedAt } = await freshGroup(f, "CONFIRMED");
      return { groupId, expectedUpdatedAt, claim: (await freshClaim(f)).id };
    },
  },
  "app/(workbench)/ledger/actions.ts#saveClaimSetAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async () => ({ name: `Set ${unique()}`, params: { status: "VERIFIED", category: "DETENTION_COUNT" } }),
  },
  "app/(workbench)/ledger/actions.ts#deleteClaimSetAction": {
    // The owner (here: the author) and an admin.
    allowed: AUTHOR_OR_ADMIN,
    input: async (f) => {
      const set = await db.claimSet.create({ data: { name: `Set ${unique()}`, filter: { status: "VERIFIED" }, ownerId: f.users.author } });
      return { claimSetId: set.id };
    },
  },
  "app/(workbench)/admin/users/actions.ts#createUserAction": {
    allowed: ["admin"],
    input: async () => ({ email: `new-${unique()}@derek.test`, name: "Жаңа адам", role: "EDITOR", password: "a-long-enough-password" }),
  },
  "app/(workbench)/admin/users/actions.ts#updateUserAction": {
    allowed: ["admin"],
    input: async () => {
      const user = await db.user.create({ data: { email: `target-${unique()}@derek.test`, name: "Target", passwordHash: "x" } });
      return { userId: user.id, role: "REVIEWER" };
    },
  },
  "app/(workbench)/admin/users/actions.ts#setUserPasswordAction": {
    allowed: ["admin"],
    // A restored account: deactivated, without a usable password.
    input: async () => {
      const user = await db.user.create({ data: { email: `reset-${unique()}@derek.test`, name: "Қалпына келген", passwordHash: "x", active: false } });
      return { userId: user.id, password: "a-long-enough-password" };
    },
  },
  "app/(workbench)/account/actions.ts#changeOwnPasswordAction": {
    // Anyone signed in, for their own password: every fixture user is given a known one first.
    allowed: EVERYONE_SIGNED_IN,
    input: async (f) => {
      knownPasswordHash ??= hashPassword(KNOWN_PASSWORD);
      await db.user.updateMany({ where: { id: { in: Object.values(f.users) } }, data: { passwordHash: await knownPasswordHash } });
      return { currentPassword: KNOWN_PASSWORD, newPassword: `a-new-password-${unique()}` };
    },
  },
  "app/(workbench)/articles/[id]/edit/actions.ts#reviseArticleAction": {
    allowed: EDITORS,
    input: async (f) => {
      const article = await freshArticle(f);
      return { articleId: article.id, expectedRevision: 1, doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Жаңа мәтін ${unique()}` }] }] } };
    },
  },
  "app/(workbench)/articles/[id]/details-actions.ts#updateArticleDetailsAction": {
    allowed: EDITORS,
    input: async (f) => {
      const article = await freshArticle(f);
      return { articleId: article.id, updatedAt: article.updatedAt.toISOString(), title: "Жаңа тақырып", outlet: "Азаттық" };
    },
  },
  "app/(workbench)/articles/import/actions.ts#importPastedArticleAction": {
    allowed: EDITORS,
    input: async () => ({ text: `Қойылған мәтін ${unique()}: 5 наурызда 361 адам ұсталды.` }),
  },
  "app/(workbench)/articles/[id]/actions.ts#createClaimAction": {
    allowed: EDITORS,
    input: async (f) => {
      const article = await freshArticle(f);
      const start = article.bodyText.indexOf("70 пайыздан астам");
      return { articleId: article.id, revision: article.revision, start, end: start + 17, ...claimFields };
    },
  },
  "app/(workbench)/articles/[id]/actions.ts#updateClaimAction": {
    allowed: AUTHOR_OR_ADMIN,
    input: async (f) => ({ claimId: (await freshClaim(f)).id, expectedVersion: 1, ...claimFields, value: "71" }),
  },
  "app/(workbench)/articles/[id]/actions.ts#deleteClaimAction": {
    allowed: AUTHOR_OR_ADMIN,
    input: async (f) => ({ claimId: (await freshClaim(f)).id, expectedVersion: 1 }),
  },
  "app/(workbench)/articles/[id]/actions.ts#restoreClaimAction": {
    allowed: AUTHOR_OR_ADMIN,
    input: async (f) => ({ claimId: (await freshClaim(f, { deletedAt: new Date(), version: 2 })).id, expectedVersion: 2 }),
  },
  "app/(workbench)/articles/[id]/actions.ts#submitClaimAction": {
    allowed: AUTHOR_OR_ADMIN,
    input: async (f) => ({ claimId: (await freshClaim(f)).id, expectedVersion: 1 }),
  },
  "app/(workbench)/articles/[id]/actions.ts#reattachClaimAction": {
    allowed: AUTHOR_OR_ADMIN,
    input: async (f) => {
      const claim = await freshClaim(f, { anchorStatus: "ORPHANED" });
      return { claimId: claim.id, expectedVersion: 1, expectedRevision: 1, start: claim.start, end: claim.end };
    },
  },
  "app/(workbench)/articles/[id]/actions.ts#claimDetailsAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async (f) => ({ claimId: (await freshClaim(f)).id }),
  },
  "app/(workbench)/articles/[id]/source-actions.ts#searchSourcesAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async () => ({ query: "gov.kz" }),
  },
  "app/(workbench)/articles/[id]/source-actions.ts#sourceOnFileAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async () => ({ url: "https://www.gov.kz/memleket" }),
  },
  "app/(workbench)/articles/[id]/actions.ts#dismissSuggestionAction": {
    allowed: EDITORS,
    input: freshSuggestion,
  },
  "app/(workbench)/articles/[id]/actions.ts#undismissSuggestionAction": {
    allowed: EDITORS,
    input: freshSuggestion,
  },
  "app/(workbench)/articles/[id]/actions.ts#acceptSuggestionsAction": {
    allowed: EDITORS,
    input: async (f) => {
      const { articleId, suggestionId } = await freshSuggestion(f);
      return { articleId, suggestionIds: [suggestionId] };
    },
  },
  "app/(workbench)/review/[claimId]/actions.ts#decideClaimAction": {
    allowed: ["reviewer", "admin"],
    input: async (f) => ({ claimId: (await freshClaim(f, { status: "SUBMITTED" })).id, expectedVersion: 1, decision: "APPROVE", rating: "TRUE" }),
  },
  "app/(workbench)/review/[claimId]/actions.ts#reopenClaimAction": {
    allowed: ["reviewer", "admin"],
    input: async (f) => ({ claimId: (await freshClaim(f, { status: "VERIFIED", rating: "TRUE" })).id, expectedVersion: 1, reason: "Жаңа дерек шықты." }),
  },
  "app/(workbench)/review/[claimId]/actions.ts#reassignClaimAction": {
    allowed: ["admin"],
    input: async (f) => ({ claimId: (await freshClaim(f, { status: "SUBMITTED" })).id, expectedVersion: 1, assigneeId: f.users.reviewer }),
  },
  "app/(workbench)/review/[claimId]/actions.ts#addCommentAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async (f) => ({ claimId: (await freshClaim(f)).id, body: "Дереккөзді тексеріңіз." }),
  },
  "app/(workbench)/articles/[id]/thread-actions.ts#claimThreadAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async (f) => ({ claimId: (await freshClaim(f)).id }),
  },
  "app/(workbench)/articles/[id]/thread-actions.ts#replyToClaimAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async (f) => ({ claimId: (await freshClaim(f)).id, body: "Дереккөзді қостым." }),
  },
  "app/(workbench)/mentions/actions.ts#markMentionsSeenAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async () => ({ commentIds: [] }),
  },
  "app/(workbench)/mentions/actions.ts#mentionablePeopleAction": {
    allowed: EVERYONE_SIGNED_IN,
    input: async () => ({}),
  },
};

async function serverActionFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  const marked = await Promise.all(files.map(async (file) => ((await readFile(file, "utf8")).trimStart().startsWith('"use server"') ? file : null)));
  return marked.filter((f): f is string => f !== null);
}

async function discoverActions(): Promise<Map<string, (input: unknown) => Promise<{ ok: boolean; error?: string }>>> {
  const actions = new Map();
  for (const file of await serverActionFiles(path.join(REPO_ROOT, "app"))) {
    const module = await import(/* @vite-ignore */ file);
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function") actions.set(`${path.relative(REPO_ROOT, file)}#${name}`, value);
    }
  }
  return actions;
}

let fixture: Fixture;
let actions: Awaited<ReturnType<typeof discoverActions>>;

beforeAll(async () => {
  const make = async (role: "EDITOR" | "REVIEWER" | "ADMIN", key: string, active = true) =>
    (await db.user.create({ data: { email: `${key}@perm.test`, name: key, role, active, passwordHash: "x" } })).id;
  fixture = {
    users: {
      author: await make("EDITOR", "author"),
      otherEditor: await make("EDITOR", "other-editor"),
      reviewer: await make("REVIEWER", "reviewer"),
      admin: await make("ADMIN", "admin"),
      deactivated: await make("ADMIN", "deactivated", false),
    },
    seedText: await readFile(path.join(SEED_TEXTS_DIR, "000_cfd52a1e966a8c28.txt"), "utf8"),
  };
  actions = await discoverActions();
}, 60_000);

describe("server actions", () => {
  it("are all in the expected-permission table, and the table names no action that is gone", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const WHO: Who[] = ["anonymous", "deactivated", "author", "otherEditor", "reviewer", "admin"];
  for (const [key, row] of Object.entries(EXPECTED)) {
    for (const who of WHO) {
      const allowed = row.allowed.includes(who);
      it(`${key.split("#")[1]}: ${allowed ? "lets" : "refuses"} ${who}`, async () => {
        const action = actions.get(key);
        expect(action, `${key} exists`).toBeTypeOf("function");
        const input = await row.input(fixture);
        signedInUserId = who === "anonymous" ? null : fixture.users[who];
        const auditBefore = await db.auditEvent.count();
        const result = await action!(input);
        if (allowed) {
          expect(result).toMatchObject({ ok: true });
        } else {
          expect(result.ok).toBe(false);
          if ((who === "anonymous" || who === "deactivated") && row.allowed.length > 0) expect(result.error).toBe("Your session has ended. Sign in again.");
          expect(await db.auditEvent.count()).toBe(auditBefore);
        }
      });
    }
  }
});
