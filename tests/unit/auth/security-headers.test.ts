import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "@/lib/auth/security-headers";

describe("the pages' Content-Security-Policy", () => {
  const policy = contentSecurityPolicy("abc123", { development: false, https: false });
  const directives = new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)]));

  it("lets scripts run only with the nonce, or loaded by one that has it", () => {
    expect(directives.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy).not.toContain("unsafe-eval");
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("forbids framing, objects and another base URL", () => {
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
  });

  it("allows eval only for next dev, and upgrades requests only over https", () => {
    expect(contentSecurityPolicy("n", { development: true, https: false })).toContain("'unsafe-eval'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { development: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("gets a new, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("whether a page was served over https (for HSTS)", () => {
  const plain = { protocol: "http:", forwardedProto: null, trustedProxies: 0, publicUrl: "http://localhost:3000" };

  it("is so for an https request or an https public URL", () => {
    expect(servedOverHttps(plain)).toBe(false);
    expect(servedOverHttps({ ...plain, protocol: "https:" })).toBe(true);
    expect(servedOverHttps({ ...plain, publicUrl: "https://derek.newsroom.kz" })).toBe(true);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(servedOverHttps({ ...plain, forwardedProto: "https" })).toBe(false);
    expect(servedOverHttps({ ...plain, forwardedProto: "https", trustedProxies: 1 })).toBe(true);
    expect(servedOverHttps({ ...plain, forwardedProto: "https, http", trustedProxies: 1 })).toBe(false);
  });
});
