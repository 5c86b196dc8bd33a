import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/pool";
import { CopyBinaryReader } from "@/lib/export/copy-binary";
import { CopyOut } from "@/lib/export/copy-out";

// A COPY read to its end gives every row; one left part-way (a cancelled download) is read and
// dropped by close(), so the connection answers its next statement instead of waiting behind it.

const ROWS = 200_000;
const copySql = `COPY (SELECT g, repeat('ж', 40) FROM generate_series(1, ${ROWS}) g) TO STDOUT (FORMAT binary)`;

function rowCounter() {
  const reader = new CopyBinaryReader(2);
  let rows = 0;
  return { push: (chunk: Buffer) => reader.push(chunk, () => void rows++), end: () => reader.end(), rows: () => rows };
}

describe("CopyOut", () => {
  it("yields every row of the COPY", async () => {
    const client = await getPool().connect();
    try {
      const copy = new CopyOut(client, copySql);
      const counter = rowCounter();
      try {
        for await (const chunk of copy.chunks()) counter.push(chunk);
        counter.end();
      } finally {
        await copy.close();
      }
      expect(counter.rows()).toBe(ROWS);
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      expect(rows[0].one).toBe(1);
    } finally {
      client.release();
    }
  });

  it("leaves the connection usable when the reader stops after the first chunk", async () => {
    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      const copy = new CopyOut(client, copySql);
      const counter = rowCounter();
      try {
        for await (const chunk of copy.chunks()) {
          counter.push(chunk);
          break;
        }
      } finally {
        await copy.close();
      }
      expect(counter.rows()).toBeGreaterThan(0);
      expect(counter.rows()).toBeLessThan(ROWS);
      await client.query("ROLLBACK");
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      expect(rows[0].one).toBe(1);
    } finally {
      client.release();
    }
  });

  it("leaves the connection usable when the COPY is closed before it is read", async () => {
    const client = await getPool().connect();
    try {
      const copy = new CopyOut(client, copySql);
      await copy.close();
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      expect(rows[0].one).toBe(1);
    } finally {
      client.release();
    }
  });
});
