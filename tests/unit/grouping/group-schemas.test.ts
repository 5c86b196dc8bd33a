import { describe, expect, it } from "vitest";
import { conflictListQuerySchema, groupListQuerySchema } from "@/lib/grouping/group-schemas";

const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("the group and conflict list filters", () => {
  for (const [name, schema] of [
    ["group list", groupListQuerySchema],
    ["conflict list", conflictListQuerySchema],
  ] as const) {
    it(`tells of a broken page link on the ${name}, not of zod's invalid UUID`, () => {
      expect(messagesOf(schema.safeParse({ after: "not-a-uuid" }))).toEqual([["after", "libGrouping.input.brokenPageLink"]]);
      expect(messagesOf(schema.safeParse({ after: 42 }))).toEqual([["after", "libGrouping.input.brokenPageLink"]]);
    });

    it(`takes a good page link on the ${name}, in any case, and an empty one as none`, () => {
      expect(schema.parse({ after: "0194F5A2-3C4D-7E8F-9A0B-1C2D3E4F5A6B" }).after).toBe("0194f5a2-3c4d-7e8f-9a0b-1c2d3e4f5a6b");
      expect(schema.parse({ after: "" }).after).toBeUndefined();
    });
  }

  it("reports every other wrong filter with its own message", () => {
    expect(messagesOf(groupListQuerySchema.safeParse({ status: "DONE", category: "WEATHER", conflict: "no" }))).toEqual([
      ["status", "libGrouping.input.chooseStatus"],
      ["category", "libGrouping.input.chooseCategory"],
      ["conflict", "libGrouping.input.tickOrEmpty"],
    ]);
  });
});
