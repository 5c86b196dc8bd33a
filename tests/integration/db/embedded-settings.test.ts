import os from "node:os";
import { describe, expect, it } from "vitest";
import { sharedBuffersMb } from "@/lib/db/embedded-postgres";
import { getPool } from "@/lib/db/pool";

describe("the embedded PostgreSQL", () => {
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))("runs with a buffer cache sized to the machine", async () => {
    const { rows } = await getPool().query<{ mb: number }>(
      "SELECT (setting::bigint * 8 / 1024)::int AS mb FROM pg_settings WHERE name = 'shared_buffers'",
    );
    expect(rows[0].mb).toBe(sharedBuffersMb(os.totalmem()));
  });
});
