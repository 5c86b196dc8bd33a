import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";

describe("the app's connection pool", () => {
  it("is the one the Prisma client queries through and the sign-in limiter uses", async () => {
    await db.$queryRaw`SELECT 1`;
    expect(getPool().totalCount).toBeGreaterThan(0);
    const { rows } = await getPool().query<{ name: string }>("SELECT current_setting('application_name') AS name");
    expect(rows[0].name).toBe("derek");
  });
});
