import { describe, expect, it } from "vitest";
import { clientAddress } from "@/app/_lib/auth-options";

// The sign-in limiter keeps a bucket per client address; an address made up for requests that
// carry none would put every such sign-in in one bucket (see lib/auth/sign-in-limiter.ts).
describe("the client address a sign-in is counted under", () => {
  it("is the first X-Forwarded-For entry, else X-Real-IP", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" })).toBe("203.0.113.7");
    expect(clientAddress({ "x-real-ip": " 198.51.100.2 " })).toBe("198.51.100.2");
  });

  it("is unknown (null), not a shared made-up address, when no proxy reports one", () => {
    expect(clientAddress(undefined)).toBeNull();
    expect(clientAddress({})).toBeNull();
    expect(clientAddress({ "x-forwarded-for": " ", "x-real-ip": "" })).toBeNull();
  });
});
