import { describe, expect, it } from "vitest";
import { clientAddress } from "@/app/_lib/auth-options";
import { clientAddressFrom, trustedProxyCount } from "@/lib/auth/client-address";

// The sign-in limiter keeps a bucket per client address; an address the client chose would let
// a guesser out of the limit, and a shared one (the office router) would lock colleagues out.
describe("the client address a sign-in is counted under", () => {
  it("is unknown without a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddressFrom("203.0.113.7", 0)).toBeNull();
    expect(clientAddressFrom("203.0.113.7, 10.0.0.1", 0)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.2" }, 0)).toBeNull();
  });

  it("is the entry the nearest trusted proxy appended, not one the client wrote", () => {
    // The client forged 1.2.3.4; the one proxy appended the address it really saw.
    expect(clientAddressFrom("1.2.3.4, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }, 1)).toBe("203.0.113.7");
    // Two proxies: the outer one wrote the client, the inner one the outer proxy.
    expect(clientAddressFrom("1.2.3.4, 203.0.113.7, 10.0.0.5", 2)).toBe("203.0.113.7");
  });

  it("changes with the client, so a forged prefix cannot spread guesses over many buckets", () => {
    const forged = ["9.9.9.1", "9.9.9.2", "9.9.9.3"].map((fake) => clientAddressFrom(`${fake}, 203.0.113.7`, 1));
    expect(new Set(forged)).toEqual(new Set(["203.0.113.7"]));
  });

  it("is unknown when fewer proxies reported than are configured, or the entry is not an address", () => {
    expect(clientAddressFrom("203.0.113.7", 2)).toBeNull();
    expect(clientAddressFrom(" , ", 1)).toBeNull();
    expect(clientAddressFrom("unknown", 1)).toBeNull();
    expect(clientAddressFrom(null, 1)).toBeNull();
    expect(clientAddress(undefined, 1)).toBeNull();
  });

  it("drops a port and IPv6 brackets so one client keeps one bucket", () => {
    expect(clientAddressFrom("203.0.113.7:51234", 1)).toBe("203.0.113.7");
    expect(clientAddressFrom("[2001:DB8::1]:443", 1)).toBe("2001:db8::1");
    expect(clientAddressFrom("2001:db8::1", 1)).toBe("2001:db8::1");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is a small whole number, 0 when unset or unreadable", () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount("1")).toBe(1);
    expect(trustedProxyCount(" 2 ")).toBe(2);
    for (const bad of ["", "-1", "1.5", "yes", "true", "99"]) expect(trustedProxyCount(bad), bad).toBe(0);
  });
});
