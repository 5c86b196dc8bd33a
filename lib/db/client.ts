import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closePool, getPool } from "./pool";

function createClient() {
  return new PrismaClient({
    // The app's one pool (./pool.ts, with its connection-lost listener), shared with the sign-in
    // limiter, so the app holds one set of connections rather than one per library.
    adapter: new PrismaPg(getPool()),
    // A password hash is never selected by accident; the one query that needs it asks for it.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { derekDb?: Db };

function getDb(): Db {
  globalForDb.derekDb ??= createClient();
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

/** Ends the client and the pool under it (the adapter leaves a pool it was handed open). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.derekDb?.$disconnect();
  globalForDb.derekDb = undefined;
  await closePool();
}
