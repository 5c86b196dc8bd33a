import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString, application_name: "derek" },
      // The adapter already keeps an idle connection's error from crashing the process; saying
      // so in the log makes a PostgreSQL restart visible to whoever reads it.
      { onPoolError: (error) => console.error("Database pool: connection lost:", error.message) },
    ),
    // A password hash is never selected by accident; the one query that needs it asks for it.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { derekDb?: Db };

function getDb(): Db {
  if (!globalForDb.derekDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForDb.derekDb = createClient(url);
  }
  return globalForDb.derekDb;
}

/**
 * The one Prisma client of the app. Created on first use rather than at import, so that
 * `next build` and scripts that never touch the database do not need DATABASE_URL.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForDb.derekDb?.$disconnect();
  globalForDb.derekDb = undefined;
}
