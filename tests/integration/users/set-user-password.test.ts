import { issueEnglish } from "@/lib/core/zod-issues";
import { describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { verifyPassword } from "@/lib/auth/password";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { UNUSABLE_PASSWORD_HASH } from "@/lib/backup/restore-backup";
import { db } from "@/lib/db/client";
import { setUserPassword } from "@/lib/users/set-user-password";
import { updateUser } from "@/lib/users/update-user";
import { DerekError } from "@/lib/core/errors";
import { setUserPasswordSchema } from "@/lib/users/user-schemas";

vi.mock("server-only", () => ({}));
const { authOptions } = await import("@/app/_lib/auth-options");

const NEW_PASSWORD = "жаңа-құпиясөз-2026";
let counter = 0;

async function makeActor(role: Actor["role"], active = true): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${++counter}@reset.test`, name: role, role, active, passwordHash: "x" } });
  return { id: user.id, role, active };
}

/** An account as a restore leaves it: deactivated, and no password matches its hash. */
async function restoredAccount() {
  return db.user.create({
    data: { email: `restored-${++counter}@reset.test`, name: "Қалпына келген", role: "EDITOR", active: false, passwordHash: UNUSABLE_PASSWORD_HASH },
  });
}

const stateOf = async (userId: string) => ({
  user: await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, passwordChangedAt: true, active: true } }),
  events: await db.auditEvent.count(),
});

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("an admin sets a user's password", () => {
  it("lets a user locked out by wrong passwords in with the new one at once", async () => {
    const admin = await makeActor("ADMIN");
    const account = await db.user.create({ data: { email: `locked-${++counter}@reset.test`, name: "Бекзат", role: "EDITOR", passwordHash: UNUSABLE_PASSWORD_HASH } });
    for (let i = 0; i < 5; i++) await signInWithPassword({ email: account.email, password: `guess-${i}`, address: `10.8.0.${i}` });
    expect(await signInWithPassword({ email: account.email, password: "guess-again", address: "10.8.1.1" })).toMatchObject({ ok: false, reason: "rate-limited" });

    await setUserPassword({ actor: admin, input: { userId: account.id, password: NEW_PASSWORD } });
    expect(await signInWithPassword({ email: account.email, password: NEW_PASSWORD, address: "10.8.1.1" })).toMatchObject({ ok: true, user: { id: account.id } });
  });

  it("gives a restored account a way back in: the hash verifies, and once reactivated the user signs in", async () => {
    const admin = await makeActor("ADMIN");
    const account = await restoredAccount();
    expect(await signInWithPassword({ email: account.email, password: NEW_PASSWORD, address: "10.9.0.1" })).toEqual({ ok: false, reason: "invalid" });

    const result = await setUserPassword({ actor: admin, input: { userId: account.id, password: NEW_PASSWORD } });
    expect(result).toEqual({ id: account.id, email: account.email, active: false });
    const stored = await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { passwordHash: true, passwordChangedAt: true, active: true } });
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash)).toBe(true);
    expect(stored.passwordHash).not.toContain(NEW_PASSWORD);
    // Whether the account is active is the other control's business.
    expect(stored.active).toBe(false);

    await updateUser({ actor: admin, input: { userId: account.id, active: true } });
    const signedIn = await signInWithPassword({ email: account.email, password: NEW_PASSWORD, address: "10.9.0.1" });
    expect(signedIn).toMatchObject({ ok: true, user: { id: account.id } });
  });

  it("records who set it and when, never the password or its hash", async () => {
    const admin = await makeActor("ADMIN");
    const account = await restoredAccount();
    await setUserPassword({ actor: admin, input: { userId: account.id, password: NEW_PASSWORD } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { passwordHash: true, passwordChangedAt: true, active: true } });
    const events = await db.auditEvent.findMany({ where: { entityType: "User", entityId: account.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.password_reset",
      actorId: admin.id,
      before: null,
      after: { email: account.email, passwordChangedAt: stored.passwordChangedAt!.toISOString() },
    });
    const recorded = JSON.stringify([events[0].before, events[0].after]);
    expect(recorded).not.toContain(NEW_PASSWORD);
    expect(recorded).not.toContain(stored.passwordHash);
    expect(recorded).not.toMatch(/\$2[aby]\$/);
  });

  it("ends the sessions the user signed in before, but not later ones nor API tokens", async () => {
    const admin = await makeActor("ADMIN");
    const editor = await makeActor("EDITOR");
    const earlier = Date.now() - 60_000;
    // Before any reset, every session stands, even one from before sign-in times were recorded.
    expect(await loadActor(editor.id, { signedInAt: earlier })).toMatchObject({ id: editor.id });
    expect(await loadActor(editor.id, { signedInAt: null })).toMatchObject({ id: editor.id });

    await setUserPassword({ actor: admin, input: { userId: editor.id, password: NEW_PASSWORD } });
    expect(await loadActor(editor.id, { signedInAt: earlier })).toBeNull();
    expect(await loadActor(editor.id, { signedInAt: null })).toBeNull();
    expect(await loadActor(editor.id, { signedInAt: Date.now() + 1 })).toMatchObject({ id: editor.id });
    // An API token is loaded without a session: a new password does not revoke it.
    expect(await loadActor(editor.id)).toMatchObject({ id: editor.id });
  });

  it("stamps a session with its sign-in time, which the session then carries", async () => {
    const { jwt, session } = authOptions.callbacks!;
    const before = Date.now();
    const token = await jwt!({ token: { sub: undefined }, user: { id: "u-1" }, account: null, trigger: "signIn" } as Parameters<NonNullable<typeof jwt>>[0]);
    expect(token.sub).toBe("u-1");
    expect(token.signedInAt).toBeGreaterThanOrEqual(before);
    // Later requests re-issue the token without a user: the sign-in time stays.
    const later = await jwt!({ token, trigger: "update" } as unknown as Parameters<NonNullable<typeof jwt>>[0]);
    expect(later.signedInAt).toBe(token.signedInAt);
    const shown = await session!({ session: { user: { id: "" }, expires: "" }, token: later } as unknown as Parameters<NonNullable<typeof session>>[0]);
    expect(shown).toMatchObject({ user: { id: "u-1" }, signedInAt: token.signedInAt });
  });

  it("is for admins only: the policy refuses anyone else and nothing changes", async () => {
    const account = await restoredAccount();
    const before = await stateOf(account.id);
    for (const actor of [await makeActor("EDITOR"), await makeActor("REVIEWER"), await makeActor("ADMIN", false)]) {
      const error = await refusal(setUserPassword({ actor, input: { userId: account.id, password: NEW_PASSWORD } }));
      expect(error).toBeInstanceOf(ForbiddenError);
    }
    expect(await stateOf(account.id)).toEqual(before);
  });

  it.each([
    ["too short", "short", "Use at least 12 characters."],
    ["over bcrypt's 72 bytes in Kazakh letters", "ж".repeat(37), "Use at most 72 bytes: 72 Latin letters, or 36 Kazakh or Russian ones."],
    ["over bcrypt's 72 bytes in Latin letters", "a".repeat(73), "Use at most 72 bytes: 72 Latin letters, or 36 Kazakh or Russian ones."],
  ])("refuses a password %s beside the password field, and nothing changes", async (_what, password, message) => {
    const admin = await makeActor("ADMIN");
    const account = await restoredAccount();
    const before = await stateOf(account.id);
    const error = await refusal(setUserPassword({ actor: admin, input: { userId: account.id, password } }));
    expect(error).toBeInstanceOf(DerekError);
    expect(error).toMatchObject({ field: "password", message });
    expect(await stateOf(account.id)).toEqual(before);
    // The form's rule is the same one, with the same message at the same field.
    const parsed = setUserPasswordSchema.safeParse({ userId: account.id, password });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issueEnglish(issue)])).toEqual([["password", message]]);
  });

  it("refuses an admin's own password and an unknown user, and nothing changes", async () => {
    const admin = await makeActor("ADMIN");
    const before = await stateOf(admin.id);
    const own = await refusal(setUserPassword({ actor: admin, input: { userId: admin.id, password: NEW_PASSWORD } }));
    expect(own).toMatchObject({ name: "DerekError", message: "You cannot set your own password here; ask another admin." });
    const unknown = await refusal(setUserPassword({ actor: admin, input: { userId: "00000000-0000-4000-8000-000000000000", password: NEW_PASSWORD } }));
    expect(unknown).toMatchObject({ name: "DerekError", message: "This user does not exist.", code: "libUsers.noSuchUser", kind: "not-found" });
    expect(await stateOf(admin.id)).toEqual(before);
  });
});
