import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(__dirname, "..", "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

describe("npm run extract (scripts/extract.ts)", () => {
  it("prints one JSON object per line for standard input, nothing else", () => {
    const r = spawnSync(tsx, ["scripts/extract.ts", "-"], { cwd: root, input: "Полиция 361 адамды ұстады. 5 наурызда.", encoding: "utf8" });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.map((l) => JSON.parse(l).text)).toEqual(["361 адамды", "5 наурызда"]);
    // The columns read before claimant and score came in keep their names and order.
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(["start", "end", "text", "value", "min", "max", "unit", "qualifier", "category", "date", "claimant", "score"]);
  }, 30_000);

  it("prints the claimant and the score beside the reading", () => {
    const r = spawnSync(tsx, ["scripts/extract.ts", "-"], { cwd: root, input: "Құқық қорғаушылардың дерегінше, 361 адам ұсталды. Бүгін бірі келді.", encoding: "utf8" });
    expect(r.status).toBe(0);
    const [count, today, one] = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(count).toMatchObject({ text: "361 адам", value: 361, unit: "person", category: "DETENTION_COUNT", claimant: "Құқық қорғаушылар" });
    expect(count.score).toBeGreaterThan(today.score);
    expect(count.score).toBeGreaterThan(one.score);
  }, 30_000);

  it("prints nothing for text without numbers and fails cleanly on a missing file", () => {
    const ok = spawnSync(tsx, ["scripts/extract.ts", "-"], { cwd: root, input: "Сөз жоқ.", encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("");
    const bad = spawnSync(tsx, ["scripts/extract.ts", "/nonexistent/file.txt"], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
  }, 30_000);
});
