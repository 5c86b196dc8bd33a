/**
 * The check Next.js makes for server actions, for route handlers that take a POST with the
 * session cookie: a browser always sends Origin on a POST, and a page on another site must not be
 * able to act in Derek with a signed-in user's cookie. A request without Origin is not a browser's
 * cross-site request (scripts, curl).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
