import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import type { Role } from "./policy";
import { verifyPasswordOrDummy } from "./password";
import { clearSignInAttempts, countSignInAttempt } from "./sign-in-limiter";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/** What someone blocked by the sign-in limit is told, wherever they were asked for a password. */
export function tooManySignIns(retryAfterSeconds: number): DerekError {
  return new DerekError("libAuth.signIn.rateLimited", { params: { minutes: Math.ceil(retryAfterSeconds / 60) }, kind: "busy" });
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password. A wrong email, a wrong password and a deactivated account all
 * answer "invalid", so the answer never tells whether an account exists.
 */
export async function signInWithPassword(input: { email: string; password: string; address: string | null }): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  // Counted before the password is checked: see countSignInAttempt.
  const retryAfterSeconds = await countSignInAttempt(email, input.address);
  if (retryAfterSeconds > 0) return { ok: false, reason: "rate-limited", retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  const passwordOk = await verifyPasswordOrDummy(input.password, user?.passwordHash);
  if (!user || !passwordOk || !user.active) return { ok: false, reason: "invalid" };
  await clearSignInAttempts(email, input.address);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
