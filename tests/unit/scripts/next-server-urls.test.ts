import { describe, expect, it } from "vitest";
import { DEFAULT_HOST, localUrl, publicUrl } from "@/scripts/support/next-server";

describe("where npm start listens and what it shows", () => {
  it("listens on loopback only unless HOST says otherwise", () => {
    expect(DEFAULT_HOST).toBe("127.0.0.1");
  });

  it("health-checks a wildcard address on loopback and a named one where it is", () => {
    expect(localUrl("127.0.0.1", 3000)).toBe("http://127.0.0.1:3000");
    expect(localUrl("0.0.0.0", 3000)).toBe("http://127.0.0.1:3000");
    expect(localUrl("::", 3000)).toBe("http://127.0.0.1:3000");
    expect(localUrl("10.0.0.5", 3000)).toBe("http://10.0.0.5:3000");
    expect(localUrl("fd00::5", 3000)).toBe("http://[fd00::5]:3000");
  });

  it("shows localhost for loopback and wildcard addresses, the host itself otherwise", () => {
    expect(publicUrl("127.0.0.1", 3000)).toBe("http://localhost:3000");
    expect(publicUrl("0.0.0.0", 8080)).toBe("http://localhost:8080");
    expect(publicUrl("derek.newsroom.lan", 3000)).toBe("http://derek.newsroom.lan:3000");
  });
});
