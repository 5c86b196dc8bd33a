import { describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { loadActor, type SessionFacts } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { updateUser } from "@/lib/users/update-user";

vi.mock("server-only", () => ({}));
const { authOptions } = await import("@/app/_lib/auth-options");

let counter = 0;
async function makeUser(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${++counter}@sessions.test`, name: role, role, passwordHash: "x" } });
  return { id: user.id, role, active: true };
}

/** A session as next-auth issues it at sign-in, and the facts the app reads from it on each request. */
async function signIn(userId: string): Promise<{ token: JWT; facts: SessionFacts }> {
  const { jwt, session } = authOptions.callbacks!;
  const issued = await jwt!({ token: {}, user: { id: userId }, account: null, trigger: "signIn" } as Parameters<NonNullable<typeof jwt>>[0]);
  const token = { ...issued, exp: Math.floor(Date.now() / 1000) + 12 * 60 * 60 };
  const shown = (await session!({ session: { user: { id: "" }, expires: "" }, token } as unknown as Parameters<NonNullable<typeof session>>[0])) as {
    signedInAt: number | null;
    sessionId: string | null;
  };
  return { token, facts: { signedInAt: shown.signedInAt, sessionId: shown.sessionId } };
}

async function signOut(token: JWT) {
  await authOptions.events!.signOut!({ token } as Parameters<NonNullable<NonNullable<typeof authOptions.events>["signOut"]>>[0]);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("ending sessions", () => {
  it("gives each sign-in its own session id", async () => {
    const user = await makeUser("EDITOR");
    const [a, b] = [await signIn(user.id), await signIn(user.id)];
    expect(a.facts.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.facts.sessionId).not.toBe(b.facts.sessionId);
  });

  it("sign-out ends that session, copies of its token included, and no other", async () => {
    const user = await makeUser("EDITOR");
    const laptop = await signIn(user.id);
    const phone = await signIn(user.id);
    expect(await loadActor(user.id, laptop.facts)).toMatchObject({ id: user.id });

    await signOut(laptop.token);
    // A captured copy of the laptop's cookie carries the same facts: refused.
    expect(await loadActor(user.id, laptop.facts)).toBeNull();
    expect(await loadActor(user.id, phone.facts)).toMatchObject({ id: user.id });
    // Signing out twice (two tabs) is no error.
    await signOut(laptop.token);
    expect(await db.endedSession.count({ where: { userId: user.id } })).toBe(1);
    // API tokens are loaded without a session and are not affected.
    expect(await loadActor(user.id)).toMatchObject({ id: user.id });
  });

  it("keeps a signed-out session only until its token would have expired", async () => {
    const user = await makeUser("EDITOR");
    await db.endedSession.create({ data: { id: crypto.randomUUID(), userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    const session = await signIn(user.id);
    await signOut(session.token);
    const left = await db.endedSession.findMany({ where: { userId: user.id } });
    expect(left.map((row) => row.id)).toEqual([session.facts.sessionId]);
    expect(left[0].expiresAt.getTime()).toBe((session.token.exp as number) * 1000);
  });

  it("deactivation ends earlier sessions for good: reactivating does not bring them back", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("EDITOR");
    const before = await signIn(user.id);
    await tick();
    await updateUser({ actor: admin, input: { userId: user.id, active: false } });
    expect(await loadActor(user.id, before.facts)).toBeNull();
    await tick();
    await updateUser({ actor: admin, input: { userId: user.id, active: true } });
    expect(await loadActor(user.id, before.facts)).toBeNull();
    // A sign-in after the reactivation works.
    await tick();
    const after = await signIn(user.id);
    expect(await loadActor(user.id, after.facts)).toMatchObject({ id: user.id });
  });

  it("reactivation ends sessions signed in while the account was deactivated", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("EDITOR");
    await updateUser({ actor: admin, input: { userId: user.id, active: false } });
    await tick();
    // Sign-in refuses a deactivated account, but a token could still be minted with the secret's help.
    const during = await signIn(user.id);
    await tick();
    await updateUser({ actor: admin, input: { userId: user.id, active: true } });
    expect(await loadActor(user.id, during.facts)).toBeNull();
  });

  it("a role change alone ends no session", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("EDITOR");
    const session = await signIn(user.id);
    await tick();
    await updateUser({ actor: admin, input: { userId: user.id, role: "REVIEWER" } });
    expect(await loadActor(user.id, session.facts)).toMatchObject({ role: "REVIEWER" });
  });

  it("refuses a token without a session id (issued before sessions had one: no sign-out could end it)", async () => {
    const user = await makeUser("EDITOR");
    expect(await loadActor(user.id, { signedInAt: Date.now(), sessionId: null })).toBeNull();
    expect(await loadActor(user.id, { signedInAt: Date.now(), sessionId: "not-a-uuid" })).toBeNull();
  });
});
