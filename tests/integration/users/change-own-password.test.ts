import { issueEnglish } from "@/lib/core/zod-issues";
import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { DerekError } from "@/lib/core/errors";
import { changeOwnPasswordFormSchema } from "@/lib/users/user-schemas";

const CURRENT = "ескі-құпиясөз-2025";
const NEW_PASSWORD = "жаңа-құпиясөз-2026";
let counter = 0;
let currentHash: Promise<string> | undefined;

/** A user whose password is CURRENT. */
async function makeUser(role: Actor["role"], active = true) {
  currentHash ??= hashPassword(CURRENT);
  const user = await db.user.create({
    data: { email: `own-${role.toLowerCase()}-${++counter}@change.test`, name: "Әйгерім", role, active, passwordHash: await currentHash },
  });
  return { user, actor: { id: user.id, role, active } satisfies Actor };
}

const stateOf = async (userId: string) => ({
  user: await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, passwordChangedAt: true } }),
  events: await db.auditEvent.count(),
});

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("a user changes their own password", () => {
  it("stores a hash of the new one, which then signs them in, and the old one no longer does", async () => {
    const { user, actor } = await makeUser("EDITOR");
    const result = await changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: NEW_PASSWORD } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, passwordChangedAt: true } });
    expect(result).toEqual({ id: user.id, passwordChangedAt: stored.passwordChangedAt!.toISOString() });
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash)).toBe(true);
    expect(stored.passwordHash).not.toContain(NEW_PASSWORD);
    expect(await signInWithPassword({ email: user.email, password: NEW_PASSWORD, address: "10.20.0.1" })).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await signInWithPassword({ email: user.email, password: CURRENT, address: "10.20.0.1" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("records who changed it and when, never the passwords or the hash", async () => {
    const { user, actor } = await makeUser("REVIEWER");
    await changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: NEW_PASSWORD } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, passwordChangedAt: true } });
    const events = await db.auditEvent.findMany({ where: { entityType: "User", entityId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.password_changed",
      actorId: user.id,
      before: null,
      after: { email: user.email, passwordChangedAt: stored.passwordChangedAt!.toISOString() },
    });
    const recorded = JSON.stringify([events[0].before, events[0].after]);
    expect(recorded).not.toContain(NEW_PASSWORD);
    expect(recorded).not.toContain(CURRENT);
    expect(recorded).not.toMatch(/\$2[aby]\$/);
  });

  it("lets a lone admin change theirs", async () => {
    const { user, actor } = await makeUser("ADMIN");
    await changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: NEW_PASSWORD } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(NEW_PASSWORD, stored.passwordHash)).toBe(true);
  });

  it("ends the sessions signed in before it, this one included, but not later ones nor API tokens", async () => {
    const { user, actor } = await makeUser("EDITOR");
    const thisSession = Date.now() - 60_000;
    expect(await loadActor(user.id, { signedInAt: thisSession })).toMatchObject({ id: user.id });

    await changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: NEW_PASSWORD } });
    expect(await loadActor(user.id, { signedInAt: thisSession })).toBeNull();
    expect(await loadActor(user.id, { signedInAt: null })).toBeNull();
    expect(await loadActor(user.id, { signedInAt: Date.now() + 1 })).toMatchObject({ id: user.id });
    expect(await loadActor(user.id)).toMatchObject({ id: user.id });
  });

  it("refuses a wrong current password beside its field, writes nothing, and counts it toward the account's limit", async () => {
    const { user, actor } = await makeUser("EDITOR");
    const before = await stateOf(user.id);
    for (let i = 0; i < 4; i++) {
      const error = await refusal(changeOwnPassword({ actor, input: { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD } }));
      expect(error).toBeInstanceOf(DerekError);
      expect(error).toMatchObject({ field: "currentPassword", message: "That is not your current password." });
    }
    expect(await stateOf(user.id)).toEqual(before);
    // The fifth wrong guess, here on the sign-in form (its email typed in any case), reaches the
    // per-account limit the page counts toward.
    expect(await signInWithPassword({ email: user.email.toUpperCase(), password: "guess-4", address: "10.21.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ email: user.email, password: CURRENT, address: "10.21.0.2" })).toMatchObject({ ok: false, reason: "rate-limited" });
    // And the page itself now refuses, even the right password.
    const limited = await refusal(changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: NEW_PASSWORD } }));
    expect(limited).toBeInstanceOf(DerekError);
    expect((limited as Error).message).toMatch(/^Too many failed sign-ins\. Try again in \d+ minutes?\.$/);
    expect(await stateOf(user.id)).toEqual(before);
  });

  it("clears earlier failed attempts once the password is changed", async () => {
    const { user, actor } = await makeUser("EDITOR");
    for (let i = 0; i < 4; i++) await refusal(changeOwnPassword({ actor, input: { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD } }));
    await changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: NEW_PASSWORD } });
    // Four more wrong ones would be nine in the window without the clearing; the right one still works.
    for (let i = 0; i < 4; i++) await signInWithPassword({ email: user.email, password: `again-${i}`, address: "10.22.0.1" });
    expect(await signInWithPassword({ email: user.email, password: NEW_PASSWORD, address: "10.22.0.1" })).toMatchObject({ ok: true });
  });

  it("refuses the same password again beside the new-password field, and nothing changes", async () => {
    const { user, actor } = await makeUser("EDITOR");
    const before = await stateOf(user.id);
    const error = await refusal(changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: CURRENT } }));
    expect(error).toBeInstanceOf(DerekError);
    expect(error).toMatchObject({ field: "newPassword", message: "Choose a new password different from the current one." });
    expect(await stateOf(user.id)).toEqual(before);
  });

  it("holds the new password to the shared rule beside its field, and nothing changes", async () => {
    const { user, actor } = await makeUser("EDITOR");
    const before = await stateOf(user.id);
    const error = await refusal(changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: "short" } }));
    expect(error).toMatchObject({ name: "DerekError", field: "newPassword", message: "Use at least 12 characters." });
    expect(await stateOf(user.id)).toEqual(before);
  });

  it("is refused by the policy to a deactivated user, and nothing changes", async () => {
    const { user, actor } = await makeUser("ADMIN", false);
    const before = await stateOf(user.id);
    const error = await refusal(changeOwnPassword({ actor, input: { currentPassword: CURRENT, newPassword: NEW_PASSWORD } }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ message: "This account has been deactivated." });
    expect(await stateOf(user.id)).toEqual(before);
  });
});

describe("the change-password form's schema", () => {
  it("wants the new password typed twice alike, with the message at the repeat field", () => {
    const parsed = changeOwnPasswordFormSchema.safeParse({ currentPassword: CURRENT, newPassword: NEW_PASSWORD, repeatPassword: `${NEW_PASSWORD}!` });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issueEnglish(issue)])).toEqual([["repeatPassword", "The two new passwords do not match."]]);
    expect(changeOwnPasswordFormSchema.safeParse({ currentPassword: CURRENT, newPassword: NEW_PASSWORD, repeatPassword: NEW_PASSWORD }).success).toBe(true);
  });
});
