/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js
 * puts it on its own scripts) or when loaded by one of those ('strict-dynamic'); nothing may
 * frame Derek, plug in objects or move the base URL.
 *
 * Styles allow 'unsafe-inline': React writes style attributes (the charts, the editor's
 * highlights) and CSP can admit those no other way; a style cannot run code.
 * 'unsafe-eval' is only for `next dev`, whose hot reloading needs it.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh nonce: 16 random bytes, base64 (what CSP's nonce-source expects). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

// Browsers remember it for a year; it reaches them only over https (they ignore it over http).
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Whether the page was asked for over https: the request itself, or the trusted proxy in front
 * that ended TLS (its X-Forwarded-Proto, only when TRUSTED_PROXIES says there is one), or the
 * public URL the app is configured with.
 */
export function servedOverHttps(request: { protocol: string; forwardedProto: string | null; trustedProxies: number; publicUrl: string | undefined }): boolean {
  if (request.protocol === "https:") return true;
  if (request.publicUrl?.startsWith("https://")) return true;
  if (request.trustedProxies > 0 && request.forwardedProto) {
    const hops = request.forwardedProto.split(",").map((hop) => hop.trim().toLowerCase());
    return hops[hops.length - request.trustedProxies] === "https";
  }
  return false;
}
