import { describe, expect, it, vi } from "vitest";
import * as password from "@/lib/auth/password";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";

async function makeUser(email: string, password: string, active = true) {
  return db.user.create({ data: { email, name: "Test", role: "EDITOR", active, passwordHash: await hashPassword(password) } });
}

describe("signInWithPassword", () => {
  it("signs in with the right password, whatever the email's case and spacing", async () => {
    const user = await makeUser("aigerim@derek.test", "correct horse battery");
    const result = await signInWithPassword({ email: "  Aigerim@Derek.TEST ", password: "correct horse battery", address: "10.0.0.1" });
    expect(result).toEqual({ ok: true, user: { id: user.id, email: "aigerim@derek.test", name: "Test", role: "EDITOR" } });
  });

  it("answers the same for a wrong password, an unknown email and a deactivated account", async () => {
    await makeUser("berik@derek.test", "correct horse battery");
    await makeUser("gone@derek.test", "correct horse battery", false);
    const answers = await Promise.all([
      signInWithPassword({ email: "berik@derek.test", password: "wrong", address: "10.0.0.2" }),
      signInWithPassword({ email: "nobody@derek.test", password: "wrong", address: "10.0.0.2" }),
      signInWithPassword({ email: "gone@derek.test", password: "correct horse battery", address: "10.0.0.2" }),
    ]);
    expect(answers).toEqual([{ ok: false, reason: "invalid" }, { ok: false, reason: "invalid" }, { ok: false, reason: "invalid" }]);
  });

  it("slows down repeated failures for one account, even with the right password, and says for how long", async () => {
    await makeUser("dana@derek.test", "correct horse battery");
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await signInWithPassword({ email: "dana@derek.test", password: `guess-${attempt}`, address: `10.1.0.${attempt}` });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await signInWithPassword({ email: "dana@derek.test", password: "correct horse battery", address: "10.1.0.99" });
    expect(blocked.ok).toBe(false);
    expect(blocked.ok === false && blocked.reason).toBe("rate-limited");
    expect(blocked.ok === false && blocked.reason === "rate-limited" && blocked.retryAfterSeconds).toBeGreaterThan(60);

    // Another account from another address is not affected.
    await makeUser("erlan@derek.test", "correct horse battery");
    const other = await signInWithPassword({ email: "erlan@derek.test", password: "correct horse battery", address: "10.2.0.1" });
    expect(other.ok).toBe(true);
  });

  it("slows down one address that guesses across many accounts", async () => {
    await makeUser("farida@derek.test", "correct horse battery");
    for (let attempt = 0; attempt < 30; attempt++) {
      await signInWithPassword({ email: `spray-${attempt}@derek.test`, password: "guess", address: "10.3.0.1" });
    }
    const fromSameAddress = await signInWithPassword({ email: "farida@derek.test", password: "correct horse battery", address: "10.3.0.1" });
    expect(fromSameAddress.ok === false && fromSameAddress.reason).toBe("rate-limited");
    const fromElsewhere = await signInWithPassword({ email: "farida@derek.test", password: "correct horse battery", address: "10.3.0.2" });
    expect(fromElsewhere.ok).toBe(true);
    // Dozens of bcrypt checks one after another: slow on a busy machine, not a hang.
  }, 120_000);

  it("without a known client address, limits the account only: guesses at others lock nobody else out", async () => {
    await makeUser("zhanar@derek.test", "correct horse battery");
    for (let attempt = 0; attempt < 40; attempt++) {
      await signInWithPassword({ email: `spray-${attempt}@derek.test`, password: "guess", address: null });
    }
    expect((await signInWithPassword({ email: "zhanar@derek.test", password: "correct horse battery", address: null })).ok).toBe(true);
    for (let attempt = 0; attempt < 5; attempt++) {
      await signInWithPassword({ email: "zhanar@derek.test", password: `guess-${attempt}`, address: null });
    }
    const blocked = await signInWithPassword({ email: "zhanar@derek.test", password: "correct horse battery", address: null });
    expect(blocked.ok === false && blocked.reason).toBe("rate-limited");
    // Dozens of bcrypt checks one after another: slow on a busy machine, not a hang.
  }, 120_000);

  it("forgets earlier failures after a successful sign-in", async () => {
    await makeUser("gaukhar@derek.test", "correct horse battery");
    for (let attempt = 0; attempt < 4; attempt++) {
      await signInWithPassword({ email: "gaukhar@derek.test", password: "typo", address: "10.4.0.1" });
    }
    expect((await signInWithPassword({ email: "gaukhar@derek.test", password: "correct horse battery", address: "10.4.0.1" })).ok).toBe(true);
    for (let attempt = 0; attempt < 4; attempt++) {
      await signInWithPassword({ email: "gaukhar@derek.test", password: "typo", address: "10.4.0.1" });
    }
    expect((await signInWithPassword({ email: "gaukhar@derek.test", password: "correct horse battery", address: "10.4.0.1" })).ok).toBe(true);
  });
});

describe("loadActor", () => {
  it("reads role and active flag afresh, so a deactivation ends the session at the next request", async () => {
    const user = await makeUser("khalida@derek.test", "correct horse battery");
    expect(await loadActor(user.id)).toMatchObject({ id: user.id, role: "EDITOR", active: true });
    await db.user.update({ where: { id: user.id }, data: { role: "REVIEWER" } });
    expect(await loadActor(user.id)).toMatchObject({ role: "REVIEWER" });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadActor(user.id)).toBeNull();
  });

  it("refuses a missing or malformed id without querying for everything", async () => {
    await makeUser("lazzat@derek.test", "correct horse battery");
    expect(await loadActor(undefined)).toBeNull();
    expect(await loadActor("")).toBeNull();
    expect(await loadActor("not-a-uuid")).toBeNull();
    expect(await loadActor("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("the sign-in limit under a burst", () => {
  it("checks at most the limit of a burst sent at once, and refuses the right password after it", async () => {
    await makeUser("marat@derek.test", "correct horse battery");
    const checked = vi.spyOn(password, "verifyPasswordOrDummy");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, attempt) => signInWithPassword({ email: "marat@derek.test", password: `guess-${attempt}`, address: null })),
    );
    expect(checked.mock.calls.length).toBe(5);
    expect(answers.filter((answer) => answer.ok === false && answer.reason === "rate-limited")).toHaveLength(7);
    const right = await signInWithPassword({ email: "marat@derek.test", password: "correct horse battery", address: null });
    expect(right.ok === false && right.reason).toBe("rate-limited");
    expect(checked.mock.calls.length).toBe(5);
    checked.mockRestore();
  });

  it("checks at most 5 of a burst of 60 wrong guesses", async () => {
    await makeUser("nurlan@derek.test", "correct horse battery");
    const checked = vi.spyOn(password, "verifyPasswordOrDummy");
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, attempt) => signInWithPassword({ email: "nurlan@derek.test", password: `guess-${attempt}`, address: "10.5.0.1" })),
    );
    expect(checked.mock.calls.length).toBe(5);
    expect(answers.filter((answer) => answer.ok === false && answer.reason === "invalid")).toHaveLength(5);
    expect(answers.filter((answer) => answer.ok === false && answer.reason === "rate-limited")).toHaveLength(55);
    checked.mockRestore();
  });

  it("gives a successful sign-in's attempt back to the address: a whole office can sign in", async () => {
    const emails = Array.from({ length: 35 }, (_, n) => `staff-${n}@derek.test`);
    const hash = await hashPassword("correct horse battery");
    await db.user.createMany({ data: emails.map((email) => ({ email, name: "Staff", role: "EDITOR" as const, passwordHash: hash })) });
    for (const email of emails) {
      const answer = await signInWithPassword({ email, password: "correct horse battery", address: "10.6.0.1" });
      expect(answer.ok, email).toBe(true);
    }
    // Dozens of bcrypt checks one after another: slow on a busy machine, not a hang.
  }, 120_000);
});
