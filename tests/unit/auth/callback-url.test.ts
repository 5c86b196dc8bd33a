import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "@/lib/auth/callback-url";

describe("where sign-in leads (callbackUrl)", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeCallbackPath("/ledger?status=VERIFIED&sort=value")).toBe("/ledger?status=VERIFIED&sort=value");
    expect(safeCallbackPath("/articles/0191a2b3-0000-7000-8000-000000000000")).toBe("/articles/0191a2b3-0000-7000-8000-000000000000");
  });

  it("drops the fragment (the page never reads it)", () => {
    expect(safeCallbackPath("/review#x")).toBe("/review");
  });

  it.each([
    ["a backslash the browser reads as a slash", "/\\evil.example"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a protocol-relative URL", "//evil.example/path"],
    ["an absolute URL", "https://evil.example/"],
    ["a dot segment that normalises to two slashes", "/.//evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a userinfo trick", "https://derek.invalid@evil.example/"],
  ])("refuses %s", (_what, url) => {
    const result = safeCallbackPath(url);
    expect(result).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("never returns what a browser would resolve off-site", () => {
    const hostile = ["/%5Cevil.example", "/\\/evil.example", "\\\\evil.example", "/ /evil.example", "/..//evil.example", "///evil.example"];
    for (const url of hostile) {
      const kept = safeCallbackPath(url);
      expect(new URL(kept, "https://newsroom.example").host, url).toBe("newsroom.example");
    }
  });

  it("falls back to the articles without a callback", () => {
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath("")).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
