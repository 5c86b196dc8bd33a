import { issueEnglish } from "@/lib/core/zod-issues";
import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { listUsers } from "@/lib/users/list-users";
import { createUserSchema } from "@/lib/users/user-schemas";
import { DerekError } from "@/lib/core/errors";
import { ForbiddenError, type Actor } from "@/lib/auth/policy";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";

async function makeActor(role: Actor["role"], email: string): Promise<Actor> {
  const user = await db.user.create({ data: { email, name: email, role, passwordHash: "x" } });
  return { id: user.id, role: user.role, active: true };
}

const input = (email: string) => createUserSchema.parse({ email, name: "Марат Ержанов", role: "REVIEWER", password: "a-long-enough-password" });

describe("user management", () => {
  it("creates a user with a hashed password and an audit event", async () => {
    const admin = await makeActor("ADMIN", "admin1@derek.test");
    const created = await createUser({ actor: admin, input: input("Marat@Derek.test") });
    expect(created).toMatchObject({ email: "marat@derek.test", role: "REVIEWER", active: true });
    const stored = await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).not.toContain("a-long-enough-password");
    expect(await verifyPassword("a-long-enough-password", stored.passwordHash)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { entityType: "User", entityId: created.id } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["user.create", admin.id]]);
  });

  it("refuses a duplicate email beside the email field and writes nothing", async () => {
    const admin = await makeActor("ADMIN", "admin2@derek.test");
    await createUser({ actor: admin, input: input("twice@derek.test") });
    const before = await db.auditEvent.count();
    const error = await createUser({ actor: admin, input: input("TWICE@derek.test") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DerekError);
    expect(error).toMatchObject({ field: "email", message: "A user with this email already exists." });
    expect(await db.user.count({ where: { email: "twice@derek.test" } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("lets only admins manage users", async () => {
    const editor = await makeActor("EDITOR", "editor1@derek.test");
    const reviewer = await makeActor("REVIEWER", "reviewer1@derek.test");
    await expect(createUser({ actor: editor, input: input("sneaky@derek.test") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateUser({ actor: reviewer, input: { userId: editor.id, role: "ADMIN" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers({ actor: editor })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.user.findUniqueOrThrow({ where: { id: editor.id } })).toMatchObject({ role: "EDITOR" });
  });

  it("changes a role and deactivates a user, recording before and after", async () => {
    const admin = await makeActor("ADMIN", "admin3@derek.test");
    const editor = await makeActor("EDITOR", "editor2@derek.test");
    await updateUser({ actor: admin, input: { userId: editor.id, role: "REVIEWER" } });
    await updateUser({ actor: admin, input: { userId: editor.id, active: false } });
    const events = await db.auditEvent.findMany({ where: { entityId: editor.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.update", "user.deactivate"]);
    expect(events[0].before).toMatchObject({ role: "EDITOR" });
    expect(events[0].after).toMatchObject({ role: "REVIEWER" });
    expect(events[1].after).toMatchObject({ active: false });
  });

  it("does not let an admin lock themselves out", async () => {
    const admin = await makeActor("ADMIN", "admin4@derek.test");
    await expect(updateUser({ actor: admin, input: { userId: admin.id, active: false } })).rejects.toBeInstanceOf(DerekError);
    await expect(updateUser({ actor: admin, input: { userId: admin.id, role: "EDITOR" } })).rejects.toBeInstanceOf(DerekError);
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", active: true });
  });

  it("says so when the user does not exist", async () => {
    const admin = await makeActor("ADMIN", "admin5@derek.test");
    await expect(updateUser({ actor: admin, input: { userId: "00000000-0000-4000-8000-000000000000", active: false } })).rejects.toThrow(
      "This user does not exist.",
    );
  });
});

describe("createUserSchema", () => {
  it("gives a message for each bad field", () => {
    const result = createUserSchema.safeParse({ email: "not an email", name: " ", role: "OWNER", password: "short" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], issueEnglish(i)]));
    expect(messages).toEqual({
      email: "Enter a valid email address.",
      name: "Enter a name.",
      role: "Choose a role.",
      password: "Use at least 12 characters.",
    });
  });
});
