import { issueEnglish } from "@/lib/core/zod-issues";
import { describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import type { Actor } from "@/lib/auth/policy";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { createUser } from "@/lib/users/create-user";
import { setUserPassword } from "@/lib/users/set-user-password";
import { DerekError } from "@/lib/core/errors";
import { changeOwnPasswordFormSchema, createUserSchema } from "@/lib/users/user-schemas";

// bcrypt reads 72 bytes; a Kazakh letter is two of them in UTF-8.
const TOO_LONG_MESSAGE = "Use at most 72 bytes: 72 Latin letters, or 36 Kazakh or Russian ones.";
const KAZAKH_36 = "құпиясөз".repeat(4) + "жаңа"; // 36 letters, 72 bytes
const KAZAKH_37 = KAZAKH_36 + "ы";
const CURRENT = "ағымдағы-құпиясөз";
let counter = 0;

async function makeUser(role: Actor["role"], password = CURRENT): Promise<Actor & { email: string }> {
  const email = `${role.toLowerCase()}-${++counter}@bytes.test`;
  const user = await db.user.create({ data: { email, name: role, role, passwordHash: await bcrypt.hash(password, 4) } });
  return { id: user.id, role, active: true, email };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("passwords longer than bcrypt reads", () => {
  it("the example letters are what they claim: 36 take 72 bytes", () => {
    expect([...KAZAKH_36]).toHaveLength(36);
    expect(Buffer.byteLength(KAZAKH_36)).toBe(72);
    // What made this a hole: bcrypt sees no difference past the 72nd byte.
    const hash = bcrypt.hashSync(KAZAKH_37, 4);
    expect(bcrypt.compareSync(KAZAKH_36, hash)).toBe(true);
  });

  it("are refused when an admin creates a user, at the password field, and no user is stored", async () => {
    const admin = await makeUser("ADMIN");
    const input = { email: "long@bytes.test", name: "Ұзын", role: "EDITOR" as const, password: KAZAKH_37 };
    const error = await refusal(createUser({ actor: admin, input }));
    expect(error).toBeInstanceOf(DerekError);
    expect(error).toMatchObject({ field: "password", message: TOO_LONG_MESSAGE });
    expect(await db.user.count({ where: { email: "long@bytes.test" } })).toBe(0);
    expect(createUserSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issueEnglish(issue)])).toEqual([["password", TOO_LONG_MESSAGE]]);
  });

  it("are refused when a user changes their own, at the new-password field, and the old one still works", async () => {
    const user = await makeUser("EDITOR");
    const error = await refusal(changeOwnPassword({ actor: user, input: { currentPassword: CURRENT, newPassword: KAZAKH_37 } }));
    expect(error).toMatchObject({ name: "DerekError", field: "newPassword", message: TOO_LONG_MESSAGE });
    expect((await signInWithPassword({ email: user.email, password: CURRENT, address: null })).ok).toBe(true);
    const form = changeOwnPasswordFormSchema.safeParse({ currentPassword: CURRENT, newPassword: KAZAKH_37, repeatPassword: KAZAKH_37 });
    expect(form.error?.issues.map((issue) => [issue.path.join("."), issueEnglish(issue)])).toEqual([["newPassword", TOO_LONG_MESSAGE]]);
  });

  it("at exactly 72 bytes are taken, and only the whole password signs in", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("EDITOR");
    await setUserPassword({ actor: admin, input: { userId: user.id, password: KAZAKH_36 } });
    expect((await signInWithPassword({ email: user.email, password: KAZAKH_36, address: null })).ok).toBe(true);
    expect((await signInWithPassword({ email: user.email, password: KAZAKH_36.slice(0, 35), address: null })).ok).toBe(false);
  });

  it("set before the rule still sign in with the password as typed", async () => {
    const user = await makeUser("EDITOR", KAZAKH_37 + KAZAKH_37);
    expect((await signInWithPassword({ email: user.email, password: KAZAKH_37 + KAZAKH_37, address: null })).ok).toBe(true);
  });
});
