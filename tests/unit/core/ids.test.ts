import { describe, expect, it } from "vitest";
import { isUuid, uuidsIn } from "@/lib/core/ids";

describe("isUuid", () => {
  it("accepts an id in either letter case", () => {
    expect(isUuid("0194f3a2-7c1e-7b2a-9d4e-1f2a3b4c5d6e")).toBe(true);
    expect(isUuid("0194F3A2-7C1E-7B2A-9D4E-1F2A3B4C5D6E")).toBe(true);
  });

  it("refuses anything PostgreSQL would refuse as a uuid, and an id with text around it", () => {
    for (const value of ["", "42", "0194f3a2-7c1e-7b2a-9d4e-1f2a3b4c5d6", "0194f3a2-7c1e-7b2a-9d4e-1f2a3b4c5d6z",
      " 0194f3a2-7c1e-7b2a-9d4e-1f2a3b4c5d6e", "0194f3a2-7c1e-7b2a-9d4e-1f2a3b4c5d6e/edit"]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});

describe("uuidsIn", () => {
  it("finds every id in a pasted link, lower-cased", () => {
    expect(uuidsIn("https://derek.example/review/0194F3A2-7C1E-7B2A-9D4E-1F2A3B4C5D6E?tab=1")).toEqual([
      "0194f3a2-7c1e-7b2a-9d4e-1f2a3b4c5d6e",
    ]);
    expect(uuidsIn("no id here")).toEqual([]);
  });
});
