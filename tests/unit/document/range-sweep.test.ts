import { describe, expect, it } from "vitest";
import { RangeSweep } from "@/lib/document/range-sweep";

const r = (name: string, from: number, to: number) => ({ name, from, to });
const names = (pieces: { from: number; to: number; covering: { name: string }[] }[]) =>
  pieces.map((p) => `${p.from}-${p.to}:${p.covering.map((c) => c.name).join("+")}`);

describe("RangeSweep", () => {
  it("cuts a stretch at every edge of the ranges inside it, each piece with the ranges covering it", () => {
    const sweep = new RangeSweep([r("outer", 2, 10), r("inner", 4, 6), r("overlap", 8, 14)]);
    expect(names(sweep.cut(0, 12))).toEqual(["0-2:", "2-4:outer", "4-6:outer+inner", "6-8:outer", "8-10:outer+overlap", "10-12:overlap"]);
  });

  it("carries a range over into the next stretches until it ends, and drops it after", () => {
    const sweep = new RangeSweep([r("long", 3, 25), r("later", 21, 22)]);
    expect(names(sweep.cut(0, 5))).toEqual(["0-3:", "3-5:long"]);
    expect(names(sweep.cut(6, 10))).toEqual(["6-10:long"]);
    expect(names(sweep.cut(20, 30))).toEqual(["20-21:long", "21-22:long+later", "22-25:long", "25-30:"]);
    expect(names(sweep.cut(31, 40))).toEqual(["31-40:"]);
  });

  it("leaves out empty ranges and ranges that fall between stretches", () => {
    const sweep = new RangeSweep([r("empty", 2, 2), r("gap", 5, 6), r("here", 8, 9)]);
    expect(names(sweep.cut(0, 4))).toEqual(["0-4:"]);
    expect(names(sweep.cut(7, 10))).toEqual(["7-8:", "8-9:here", "9-10:"]);
  });

  it("covers equal ranges together, in the order given", () => {
    const sweep = new RangeSweep([r("a", 1, 3), r("b", 1, 3)]);
    expect(names(sweep.cut(0, 3))).toEqual(["0-1:", "1-3:a+b"]);
  });
});
