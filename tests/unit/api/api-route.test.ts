import { describe, expect, it, vi } from "vitest";
import type { SessionActor } from "@/lib/auth/load-actor";
import { DerekError } from "@/lib/core/errors";

// Every route of app/api/ answers through apiRoute: who is asking, the policy, the work, and one
// JSON shape for every refusal. No database: the caller is whoever the test says.
const session: { actor: SessionActor | null } = { actor: null };
vi.mock("server-only", () => ({}));
vi.mock("@/app/_lib/session", () => ({ currentActor: async () => session.actor }));
vi.mock("@/lib/api-tokens/verify-api-token", () => ({ verifyApiToken: async () => null }));

const { apiRoute } = await import("@/app/_lib/api-request");

const editor = { id: "0195f3a0-0000-7000-8000-000000000001", role: "EDITOR", active: true, name: "Әйгерім", email: "e@derek.local" } as SessionActor;
const admin = { ...editor, role: "ADMIN" } as SessionActor;

const route = (work: () => Promise<Response>) =>
  apiRoute({ action: "backup.restore", caller: { crossOrigin: "libBackup.api.crossOrigin" }, failure: { what: "Test", message: "libBackup.api.serverError" } }, work);
const post = (headers: Record<string, string> = {}) => new Request("http://derek.test/api/x", { method: "POST", headers: { host: "derek.test", ...headers } });

describe("apiRoute", () => {
  it("answers a refusal with its English words, a stable code, the message code and its parameters", async () => {
    session.actor = admin;
    const response = await route(async () => {
      throw new DerekError("libBackup.api.tooLarge", { params: { limit: "1 GB" }, kind: "unprocessable" });
    })(post());
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: "The file is over the limit of 1 GB for the web; restore it with npm run restore -- FILE on the server.",
      code: "unprocessable",
      messageCode: "libBackup.api.tooLarge",
      params: { limit: "1 GB" },
    });
  });

  it("puts a field's message beside the field, in English and as a code", async () => {
    session.actor = admin;
    const response = await route(async () => {
      throw new DerekError("libExport.request.giveOnce", { params: { name: "format" }, field: "format" });
    })(post());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "bad_request",
      field: "format",
      fieldErrors: { format: "Give “format” once." },
      fieldCodes: { format: { code: "libExport.request.giveOnce", params: { name: "format" } } },
    });
  });

  it("refuses before the work: no session 401, the policy 403, another site's post 403", async () => {
    const work = vi.fn(async () => new Response("done"));
    session.actor = null;
    expect(await (await route(work)(post())).json()).toMatchObject({ code: "unauthenticated", messageCode: "libApp.sessionEnded" });
    session.actor = editor;
    const forbidden = await route(work)(post());
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: "forbidden" });
    session.actor = admin;
    const crossSite = await route(work)(post({ origin: "https://elsewhere.example" }));
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ code: "cross_origin", messageCode: "libBackup.api.crossOrigin" });
    expect(work).not.toHaveBeenCalled();
  });

  it("answers anything unforeseen as a 500 without internals, and logs it", async () => {
    session.actor = admin;
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await route(async () => {
      throw new Error("connection string postgres://secret@db");
    })(post());
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toMatchObject({ code: "server_error", messageCode: "libBackup.api.serverError" });
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("runs the work for a caller the policy allows", async () => {
    session.actor = admin;
    expect(await (await route(async () => Response.json({ ok: true }))(post())).json()).toEqual({ ok: true });
  });
});
