import { isIP } from "node:net";

/**
 * How many reverse proxies stand between the clients and Derek (TRUSTED_PROXIES; default 0).
 * Anything but a whole number from 0 to 10 counts as 0: a wrong setting must never make a
 * client-chosen header trusted.
 */
export function trustedProxyCount(value: string | undefined = process.env.TRUSTED_PROXIES): number {
  if (value === undefined || !/^\s*\d{1,2}\s*$/.test(value)) return 0;
  const count = Number(value);
  return count <= 10 ? count : 0;
}

/**
 * The client's address as the trusted proxies report it in X-Forwarded-For, or null when it is
 * not known. Each proxy appends the address it was connected from, so behind N proxies the
 * client is the Nth entry from the end; everything before it was written by the client and
 * proves nothing. Without a trusted proxy the header is the client's own word (or, when absent,
 * filled by Next.js with the socket's address, which may be a whole office behind one router),
 * so there is no address.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, trustedProxies: number): string | null {
  if (trustedProxies < 1 || !forwardedFor) return null;
  const entries = forwardedFor.split(",").map((entry) => entry.trim());
  const candidate = entries[entries.length - trustedProxies];
  if (!candidate) return null;
  // A port or IPv6 brackets some proxies add are dropped so one client keeps one bucket.
  const bare = candidate.replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1");
  return isIP(bare) ? bare.toLowerCase() : null;
}
