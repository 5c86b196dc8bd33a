import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/users/user-schemas";
import { endSession } from "@/lib/auth/end-session";
import { clientAddressFrom, trustedProxyCount } from "@/lib/auth/client-address";
import { signInWithPassword, tooManySignIns } from "@/lib/auth/sign-in";
import { encodeCodedMessage } from "@/lib/core/coded-text";

// Messages thrown from authorize() reach the sign-in form as they are.
export const WRONG_CREDENTIALS_MESSAGE = "libAuth.signIn.wrongCredentials";

/** The client's address for the sign-in limiter: see lib/auth/client-address.ts (TRUSTED_PROXIES). */
export function clientAddress(headers: Record<string, unknown> | undefined, trustedProxies = trustedProxyCount()): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  return clientAddressFrom(typeof forwarded === "string" ? forwarded : null, trustedProxies);
}

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error("libAuth.signIn.missingCredentials");
        const result = await signInWithPassword({
          email: parsed.data.email,
          password: parsed.data.password,
          address: clientAddress(req?.headers as Record<string, unknown> | undefined),
        });
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (result.reason === "rate-limited") throw new Error(encodeCodedMessage(tooManySignIns(result.retryAfterSeconds).toCoded()));
        throw new Error(WRONG_CREDENTIALS_MESSAGE);
      },
    }),
  ],
  callbacks: {
    // The token carries only the user's id, when they signed in and the session's id; role, active flag and when
    // the password was last set are read from the database on every request (lib/auth/load-actor.ts).
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.signedInAt = Date.now();
        // Names this session, so that signing out can end it (and every copy of its token).
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) session.user.id = token.sub ?? "";
      session.signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : null;
      session.sessionId = typeof token.sid === "string" ? token.sid : null;
      return session;
    },
  },
  events: {
    // Clearing the cookie is not enough: a copy of the token would still be signed and unexpired.
    async signOut({ token }) {
      if (typeof token?.sid !== "string" || typeof token.sub !== "string") return;
      const expiresAt = typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
      await endSession({ sessionId: token.sid, userId: token.sub, expiresAt });
    },
  },
};
