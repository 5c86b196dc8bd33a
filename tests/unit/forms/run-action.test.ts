import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DerekError } from "@/lib/core/errors";
import { withBounds } from "@/lib/core/zod-issues";
import { loadMessages } from "@/lib/i18n/catalog";
import { REPO_ROOT } from "../../support/paths";

// runAction words a refusal once, on the server, in the request's language: a Kazakh reader gets
// Kazakh beside the field, and the code with it.
vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = loadMessages("kk", REPO_ROOT);
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "kk", messages, namespace: namespace as never }),
    getLocale: async () => "kk",
  };
});
vi.mock("@/app/_lib/session", () => ({
  currentActor: async () => ({ id: "0195f3a0-0000-7000-8000-000000000001", role: "EDITOR", active: true, name: "Әйгерім", email: "e@derek.local" }),
}));

const { runAction } = await import("@/app/_lib/action-result");
const kk = (code: string) => code.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], loadMessages("kk", REPO_ROOT)) as string;

describe("runAction", () => {
  it("words a coded refusal in the reader's language, beside its field, with its code", async () => {
    const result = await runAction(z.object({}), {}, async () => {
      throw new DerekError("libUsers.duplicateEmail", { field: "email" });
    });
    expect(result).toEqual({ ok: false, error: kk("libUsers.duplicateEmail"), fieldErrors: { email: kk("libUsers.duplicateEmail") }, code: "invalid", messageCode: "libUsers.duplicateEmail" });
  });

  it("fills the parameters, and keeps a conflict's kind for the form's Reload", async () => {
    const moment = "2025-03-05T20:30:00.000Z";
    const result = await runAction(z.object({}), {}, async () => {
      throw new DerekError("libArticles.conflict.byNameAt", { params: { name: "Бақыт", moment, revision: 4 }, kind: "conflict" });
    });
    expect(result).toMatchObject({ ok: false, code: "conflict", messageCode: "libArticles.conflict.byNameAt", params: { moment } });
    expect(!result.ok && result.error).toContain("Бақыт");
    expect(!result.ok && result.error).toContain("6 наурыз 2025, 01:30");
  });

  it("words a schema's coded rule with the bound zod found", async () => {
    const schema = z.object({ text: z.string().max(5, { error: withBounds("libImport.pasteTooLong") }) });
    const result = await runAction(schema, { text: "123456" }, async () => "never");
    expect(result).toMatchObject({ ok: false, messageCode: "libImport.pasteTooLong", params: { maximum: 5 } });
    expect(!result.ok && result.fieldErrors?.text).toMatch(/^Ең көбі 5 таңба/);
  });
});
