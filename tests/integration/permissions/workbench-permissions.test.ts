import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import type { ClaimPermissions } from "@/lib/auth/claim-permissions";
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor, ClaimStatus, Role } from "@/lib/auth/policy";
import { listArticleClaims } from "@/lib/claims/list-article-claims";
import { db } from "@/lib/db/client";
import { REPO_ROOT, SEED_TEXTS_DIR } from "../../support/paths";

// The workbench shows a claim's buttons from the permissions the server sends with it; the
// server actions ask the policy again. For every claim state, role and authorship, this holds
// the two to the same answer against the real database, so a rule added on one side only fails.

let signedInUserId: string | null = null;
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// next-intl's server functions need React's server build, which vitest does not load: the same
// translator over the English catalogs (only who may do what is under test here).
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

const { deleteClaimAction, submitClaimAction, updateClaimAction } = await import("@/app/(workbench)/articles/[id]/actions");
const { decideClaimAction } = await import("@/app/(workbench)/review/[claimId]/actions");

const STATUSES: ClaimStatus[] = ["DRAFT", "SUBMITTED", "RETURNED", "DISPUTED", "VERIFIED"];
const ROLES: Role[] = ["EDITOR", "REVIEWER", "ADMIN"];
const QUOTE = "70 пайыздан астам";
const claimFields = { category: "VOTE_SHARE", value: "71", qualifier: "MORE_THAN", unit: "percent", sources: [] };

/** Each permission and the server action that must agree with it. */
const ACTIONS: Record<keyof ClaimPermissions, (claimId: string) => Promise<{ ok: boolean }>> = {
  canEdit: (claimId) => updateClaimAction({ claimId, expectedVersion: 1, ...claimFields }),
  canDelete: (claimId) => deleteClaimAction({ claimId, expectedVersion: 1 }),
  canSubmit: (claimId) => submitClaimAction({ claimId, expectedVersion: 1 }),
  canDecide: (claimId) => decideClaimAction({ claimId, expectedVersion: 1, decision: "APPROVE", rating: "TRUE" }),
};

let articleId: string;
let start: number;
let stranger: string;
const actors = new Map<Role, Actor>();

async function claimIn(status: ClaimStatus, authorId: string) {
  const claim = await db.claim.create({
    data: {
      articleId,
      start,
      end: start + QUOTE.length,
      quote: QUOTE,
      category: "VOTE_SHARE",
      value: "70",
      status,
      rating: status === "VERIFIED" ? "TRUE" : null,
      queuedAt: status === "SUBMITTED" || status === "DISPUTED" ? new Date() : null,
      authorId,
    },
  });
  return claim.id;
}

beforeAll(async () => {
  const make = async (role: Role, key: string) => {
    const user = await db.user.create({ data: { email: `${key}-${Date.now()}@workbench-perm.test`, name: key, role, passwordHash: "x" } });
    return { id: user.id, role, active: true } satisfies Actor;
  };
  for (const role of ROLES) actors.set(role, await make(role, role.toLowerCase()));
  stranger = (await make("EDITOR", "stranger")).id;
  const seedText = await readFile(path.join(SEED_TEXTS_DIR, "000_cfd52a1e966a8c28.txt"), "utf8");
  ({ articleId } = await createArticle({ actorId: null, text: `${seedText}\nЖұмыс үстелі ${Date.now()}.` }));
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
  start = article.bodyText.indexOf(QUOTE);
}, 60_000);

describe("the workbench's buttons and the server actions", () => {
  for (const status of STATUSES) {
    for (const role of ROLES) {
      for (const own of [true, false]) {
        it(`agree for ${own ? "its author" : "someone else"} as ${role.toLowerCase()} on a ${status.toLowerCase()} claim`, async () => {
          const actor = actors.get(role)!;
          const authorId = own ? actor.id : stranger;
          signedInUserId = actor.id;
          for (const [permission, act] of Object.entries(ACTIONS) as [keyof ClaimPermissions, (id: string) => Promise<{ ok: boolean }>][]) {
            // A claim of its own for each action, since an allowed action changes its claim.
            const claimId = await claimIn(status, authorId);
            const told = (await listArticleClaims({ actor, articleId })).find((c) => c.id === claimId)!.permissions;
            const result = await act(claimId);
            expect({ permission, allowed: result.ok }).toEqual({ permission, allowed: told[permission] });
          }
        });
      }
    }
  }

  it("offers what the rules give: an author edits and submits a draft; another reviewer decides it once submitted, its author never", async () => {
    const editor = actors.get("EDITOR")!;
    const reviewer = actors.get("REVIEWER")!;
    const told = async (actor: Actor, claimId: string) => (await listArticleClaims({ actor, articleId })).find((c) => c.id === claimId)!.permissions;
    const draft = await claimIn("DRAFT", editor.id);
    expect(await told(editor, draft)).toEqual({ canEdit: true, canDelete: true, canSubmit: true, canDecide: false });
    const submitted = await claimIn("SUBMITTED", editor.id);
    expect(await told(reviewer, submitted)).toEqual({ canEdit: false, canDelete: false, canSubmit: false, canDecide: true });
    const disputed = await claimIn("DISPUTED", editor.id);
    expect(await told(editor, disputed)).toMatchObject({ canEdit: true, canSubmit: false });
  });
});
