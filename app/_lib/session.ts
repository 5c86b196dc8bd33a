import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/app/_lib/auth-options";
import { REQUESTED_PAGE_HEADER, safeCallbackPath } from "@/lib/auth/callback-url";
import { loadActor, type SessionActor } from "@/lib/auth/load-actor";

/**
 * The signed-in, active user of this request, or null. Read once per request (the layout, the
 * page and the language all ask).
 */
export const currentActor = cache(async (): Promise<SessionActor | null> => {
  const session = await getServerSession(authOptions);
  return loadActor(session?.user?.id, { signedInAt: session?.signedInAt ?? null, sessionId: session?.sessionId ?? null });
});

/**
 * For pages: the signed-in user, or a redirect to the sign-in page, which leads back to the page
 * asked for with its query (a filtered ledger link) as proxy.ts saw it, else to `returnTo`.
 */
export async function requirePageActor(returnTo: string): Promise<SessionActor> {
  const actor = await currentActor();
  if (!actor) {
    const requested = (await headers()).get(REQUESTED_PAGE_HEADER);
    redirect(`/signin?callbackUrl=${encodeURIComponent(requested ? safeCallbackPath(requested) : returnTo)}`);
  }
  return actor;
}
