import { describe, expect, it } from "vitest";
import { sharedBuffersMb } from "@/lib/db/embedded-postgres";

const GiB = 2 ** 30;

describe("the embedded server's buffer cache", () => {
  it("is an eighth of the machine's memory", () => {
    expect(sharedBuffersMb(8 * GiB)).toBe(1024);
    expect(sharedBuffersMb(4 * GiB)).toBe(512);
  });

  it("never goes below PostgreSQL's own default, nor above 2 GB", () => {
    expect(sharedBuffersMb(512 * 2 ** 20)).toBe(128);
    expect(sharedBuffersMb(24 * GiB)).toBe(2048);
  });
});
