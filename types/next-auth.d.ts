import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id: string; name?: string | null; email?: string | null; image?: string | null };
    /** When this session was signed in (ms since the epoch); null for a token from before it was recorded. */
    signedInAt?: number | null;
    /** This session's id, which sign-out ends; null for a token from before sessions had one. */
    sessionId?: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    signedInAt?: number;
    sid?: string;
  }
}
