import { beforeAll, describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/api-tokens/api-token-secret";
import { issueApiTokenSchema } from "@/lib/api-tokens/api-token-schemas";
import { issueApiToken } from "@/lib/api-tokens/issue-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { verifyApiToken } from "@/lib/api-tokens/verify-api-token";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { DerekError } from "@/lib/core/errors";
import { updateUser } from "@/lib/users/update-user";
import { makeActor } from "../review/fixtures";

let admin: Actor;
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  admin = await makeActor("ADMIN", "admin@tokens.test", "Әкімші");
  editor = await makeActor("EDITOR", "editor@tokens.test", "Айгүл");
  reviewer = await makeActor("REVIEWER", "reviewer@tokens.test", "Марат");
});

const issue = (userId: string, name = "апталық CSV") => issueApiToken({ actor: admin, input: issueApiTokenSchema.parse({ userId, name }) });

describe("API tokens", () => {
  it("issues a token shown once, keeping only its sha256, and records who issued it for whom", async () => {
    const issued = await issue(editor.id);
    expect(issued.token).toMatch(/^derek_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(stored.tokenHash).toBe(hashApiToken(issued.token));
    expect(JSON.stringify(stored)).not.toContain(issued.token.slice(6));
    const [event] = await db.auditEvent.findMany({ where: { entityType: "ApiToken", entityId: issued.id } });
    expect(event).toMatchObject({ action: "token.issue", actorId: admin.id, after: { name: "апталық CSV", userId: editor.id, userName: "Айгүл" } });
    expect(JSON.stringify(event.after)).not.toContain(issued.token.slice(6));
    expect(JSON.stringify(event.after)).not.toContain(stored.tokenHash);
    // Two tokens are never the same secret.
    expect((await issue(editor.id, "екінші")).token).not.toBe(issued.token);
  });

  it("acts as its user, with the user's role read afresh, and notes when it was last used", async () => {
    const issued = await issue(reviewer.id);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toBeNull();
    const actor = await verifyApiToken(issued.token);
    expect(actor).toMatchObject({ id: reviewer.id, role: "REVIEWER", active: true });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt).toBeInstanceOf(Date);
    await updateUser({ actor: admin, input: { userId: reviewer.id, role: "EDITOR" } });
    expect(await verifyApiToken(issued.token)).toMatchObject({ id: reviewer.id, role: "EDITOR" });
    await updateUser({ actor: admin, input: { userId: reviewer.id, role: "REVIEWER" } });
  });

  it("refuses unknown and malformed tokens", async () => {
    const issued = await issue(editor.id);
    const tampered = issued.token.slice(0, -1) + (issued.token.endsWith("A") ? "B" : "A");
    expect(await verifyApiToken(tampered)).toBeNull();
    expect(await verifyApiToken("derek_short")).toBeNull();
    expect(await verifyApiToken(issued.token.replace("derek_", "other_"))).toBeNull();
    expect(await verifyApiToken(` ${issued.token}`)).toBeNull();
  });

  it("stops a revoked token from the next request on, once, with an audit event", async () => {
    const issued = await issue(editor.id);
    expect(await verifyApiToken(issued.token)).not.toBeNull();
    await revokeApiToken({ actor: admin, input: { tokenId: issued.id } });
    expect(await verifyApiToken(issued.token)).toBeNull();
    const events = await db.auditEvent.findMany({ where: { entityType: "ApiToken", entityId: issued.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["token.issue", "token.revoke"]);
    const again = await revokeApiToken({ actor: admin, input: { tokenId: issued.id } }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DerekError);
    expect(again).toMatchObject({ kind: "conflict", code: "libTokens.alreadyRevoked" });
    const missing = await revokeApiToken({ actor: admin, input: { tokenId: "0195f3a0-0000-7000-8000-0000000000ff" } }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: "not-found", code: "libTokens.tokenMissing" });
    expect(await db.auditEvent.count({ where: { entityType: "ApiToken", entityId: issued.id } })).toBe(2);
  });

  it("refuses the token of a deactivated user, and honours it again on reactivation", async () => {
    const user = await makeActor("EDITOR", "leaving@tokens.test", "Кетіп жатқан");
    const issued = await issue(user.id);
    await updateUser({ actor: admin, input: { userId: user.id, active: false } });
    expect(await verifyApiToken(issued.token)).toBeNull();
    await expect(issue(user.id)).rejects.toMatchObject({ field: "userId", message: expect.stringMatching(/deactivated/) });
    await updateUser({ actor: admin, input: { userId: user.id, active: true } });
    expect(await verifyApiToken(issued.token)).toMatchObject({ id: user.id });
  });

  it("lets only admins issue, revoke and list tokens", async () => {
    const issued = await issue(editor.id);
    for (const actor of [editor, reviewer]) {
      await expect(issueApiToken({ actor, input: { userId: actor.id, name: "менің" } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeApiToken({ actor, input: { tokenId: issued.id } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listApiTokens({ actor })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await verifyApiToken(issued.token)).not.toBeNull();
  });

  it("lists tokens with their users and never their hashes", async () => {
    const issued = await issue(editor.id, "тізімдегі");
    const tokens = await listApiTokens({ actor: admin });
    const listed = tokens.find((t) => t.id === issued.id);
    expect(listed).toMatchObject({ name: "тізімдегі", revokedAt: null, user: { id: editor.id, name: "Айгүл" } });
    expect(Object.keys(listed!)).not.toContain("tokenHash");
    // Live tokens come before revoked ones.
    const firstRevoked = tokens.findIndex((t) => t.revokedAt !== null);
    expect(tokens.slice(firstRevoked).every((t) => t.revokedAt !== null)).toBe(true);
  });

  it("refuses a token for a user who does not exist, writing nothing", async () => {
    const before = await db.apiToken.count();
    await expect(issue("0195f3a0-0000-7000-8000-0000000000ee")).rejects.toMatchObject({ field: "userId", kind: "not-found", code: "libTokens.userMissing" });
    expect(await db.apiToken.count()).toBe(before);
  });
});
