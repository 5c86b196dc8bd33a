import { describe, expect, it } from "vitest";
import { contentDisposition, exportFilename } from "@/lib/export/export-filename";

const AT = new Date("2026-11-23T22:30:00Z");

describe("export file names", () => {
  it("names the file after Derek, the set and the day (UTC)", () => {
    expect(exportFilename({ extension: "csv", at: AT })).toBe("derek-claims-2026-11-23.csv");
    expect(exportFilename({ extension: "claimreview.jsonld", setName: "Сайлау 2026 / ОСК", at: AT })).toBe("derek-Сайлау-2026-ОСК-2026-11-23.claimreview.jsonld");
    expect(exportFilename({ extension: "csv", setName: "../../", at: AT })).toBe("derek-claims-2026-11-23.csv");
  });

  it("gives the UTF-8 name per RFC 5987 and an ASCII stand-in", () => {
    const header = contentDisposition("derek-Сайлау-2026-11-23.csv");
    expect(header).toBe(`attachment; filename="derek-_-2026-11-23.csv"; filename*=UTF-8''derek-%D0%A1%D0%B0%D0%B9%D0%BB%D0%B0%D1%83-2026-11-23.csv`);
    const encoded = header.match(/filename\*=UTF-8''(.+)$/)![1];
    expect(decodeURIComponent(encoded)).toBe("derek-Сайлау-2026-11-23.csv");
    expect(contentDisposition("derek-claims-2026-11-23.csv")).toBe(`attachment; filename="derek-claims-2026-11-23.csv"; filename*=UTF-8''derek-claims-2026-11-23.csv`);
  });
});
