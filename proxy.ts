import { NextResponse, type NextRequest } from "next/server";
import { trustedProxyCount } from "@/lib/auth/client-address";
import { REQUESTED_PAGE_HEADER } from "@/lib/auth/callback-url";
import { contentSecurityPolicy, newNonce, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/auth/security-headers";

/**
 * Every page gets its own CSP nonce. Next.js reads it from the request's Content-Security-Policy
 * header and puts it on the scripts it renders, which is why pages are rendered per request (the
 * root layout reads the reader's language from a cookie, so they already are). The headers that
 * need no nonce (nosniff, Referrer-Policy, X-Frame-Options) are set for every response in
 * next.config.js.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = servedOverHttps({
    protocol: request.nextUrl.protocol,
    forwardedProto: request.headers.get("x-forwarded-proto"),
    trustedProxies: trustedProxyCount(),
    publicUrl: process.env.NEXTAUTH_URL,
  });
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // The page asked for, query included, so a signed-out reader comes back to it after signing in
  // (app/_lib/session.ts). Overwritten, never the browser's; the router's cache-busting `_rsc`
  // parameter is no part of the page.
  const requested = request.nextUrl.clone();
  requested.searchParams.delete("_rsc");
  requestHeaders.set(REQUESTED_PAGE_HEADER, `${requested.pathname}${requested.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: route handlers answer JSON or files, and static files carry no inline script.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      // A prefetch renders no document, so it needs no nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
