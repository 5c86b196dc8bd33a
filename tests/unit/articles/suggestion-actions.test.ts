import { describe, expect, it, vi } from "vitest";
import { loadMessages } from "@/lib/i18n/catalog";
import { flattenMessages } from "@/lib/i18n/messages";
import { REPO_ROOT } from "../../support/paths";

// The suggestion actions build their schema with the editor's language; a broken id must be named
// from the catalogs, not with zod's English "Invalid UUID". Validation refuses before any lookup,
// so no database is needed.

const kazakh = flattenMessages(loadMessages("kk", REPO_ROOT));

vi.mock("server-only", () => ({}));
// next-intl's server functions need React's server build, which vitest does not load: the same
// translator over the Kazakh catalogs.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = loadMessages("kk", REPO_ROOT);
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "kk", messages, namespace: namespace as never }),
    getLocale: async () => "kk",
  };
});
vi.mock("@/app/_lib/session", () => ({
  currentActor: async () => ({ id: "0194d1c4-5b6a-7c2e-8f00-0000000000ed", role: "EDITOR", active: true, name: "Әйгерім", email: "e@derek.local" }),
}));

const { acceptSuggestionsAction, dismissSuggestionAction, undismissSuggestionAction } = await import("@/app/(workbench)/articles/[id]/actions");

const SUGGESTION = "0194d1c4-5b6a-7c2e-8f00-000000000002";
const UNKNOWN_ARTICLE = kazakh.get("workbench.action.unknownArticle");
const UNKNOWN_SUGGESTION = kazakh.get("workbench.action.unknownSuggestion");

describe("the suggestion actions, given a broken id", () => {
  it("have the sentences in Kazakh", () => {
    expect([UNKNOWN_ARTICLE, UNKNOWN_SUGGESTION]).toEqual(["Мұндай мақала жоқ.", "Мұндай ұсыныс жоқ."]);
  });

  for (const [name, action] of [
    ["dismissing", dismissSuggestionAction],
    ["restoring", undismissSuggestionAction],
  ] as const) {
    it(`name the unknown article and suggestion in the editor's language when ${name}`, async () => {
      expect(await action({ articleId: "42", suggestionId: "not-an-id" })).toMatchObject({
        ok: false,
        fieldErrors: { articleId: UNKNOWN_ARTICLE, suggestionId: UNKNOWN_SUGGESTION },
      });
      // Without a form to place it, the refusal itself names the problem.
      expect(await action({ suggestionId: SUGGESTION })).toMatchObject({ ok: false, error: UNKNOWN_ARTICLE, fieldErrors: { articleId: UNKNOWN_ARTICLE } });
    });
  }

  it("name the unknown article and each unknown suggestion in the editor's language when accepting", async () => {
    expect(await acceptSuggestionsAction({ articleId: "42", suggestionIds: [SUGGESTION, "not-an-id"] })).toMatchObject({
      ok: false,
      fieldErrors: { articleId: UNKNOWN_ARTICLE, "suggestionIds.1": UNKNOWN_SUGGESTION },
    });
  });
});
