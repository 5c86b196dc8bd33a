import { describe, expect, it } from "vitest";
import { applyClaimChanges } from "@/app/(workbench)/articles/[id]/claim-changes";
import type { ArticleClaim } from "@/lib/claims/list-article-claims";

// A claim action answers with the claims it changed; the workbench takes them into its list in
// the server's order, and every claim the action did not touch stays the same object.

const claim = (id: string, start: number, end: number, status = "DRAFT"): ArticleClaim => ({ id, start, end, status }) as ArticleClaim;
const ids = (claims: ArticleClaim[]) => claims.map((c) => c.id);

const list = [claim("a", 0, 10), claim("b", 0, 4), claim("c", 20, 25), claim("d", 40, 45)];

describe("applyClaimChanges", () => {
  it("puts a new claim where the server would list it, the longer of two with the same start first", () => {
    expect(ids(applyClaimChanges(list, { changed: [claim("n", 30, 35)], removedIds: [] }))).toEqual(["a", "b", "c", "n", "d"]);
    expect(ids(applyClaimChanges(list, { changed: [claim("n", 0, 6)], removedIds: [] }))).toEqual(["a", "n", "b", "c", "d"]);
    expect(ids(applyClaimChanges(list, { changed: [claim("n", 50, 51)], removedIds: [] }))).toEqual(["a", "b", "c", "d", "n"]);
  });

  it("replaces a changed claim, moves a reattached one, and drops a removed one", () => {
    const submitted = claim("c", 20, 25, "SUBMITTED");
    const next = applyClaimChanges(list, { changed: [submitted, claim("a", 42, 44)], removedIds: ["d"] });
    expect(ids(next)).toEqual(["b", "c", "a"]);
    expect(next[1]).toBe(submitted);
  });

  it("keeps every untouched claim as the same object", () => {
    const next = applyClaimChanges(list, { changed: [claim("n", 30, 35)], removedIds: ["b"] });
    expect(next.filter((c) => c.id !== "n")).toEqual([list[0], list[2], list[3]]);
    for (const c of next.filter((c) => c.id !== "n")) expect(list).toContain(c);
    expect(list.map((c) => c.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps the held object for a claim answered again unchanged (a colleague's recent claim comes back with every answer)", () => {
    const held = [{ ...claim("a", 0, 10), version: 2 }, { ...claim("c", 20, 25), version: 1 }] as ArticleClaim[];
    const next = applyClaimChanges(held, { changed: [{ ...claim("a", 0, 10), version: 2 } as ArticleClaim, { ...claim("c", 20, 25, "SUBMITTED"), version: 2 } as ArticleClaim], removedIds: [] });
    expect(next[0]).toBe(held[0]);
    expect(next[1]).not.toBe(held[1]);
    expect(next[1].status).toBe("SUBMITTED");
  });
});
