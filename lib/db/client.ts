import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type pg from "pg";
import { closePool, getPool, getReadPool, hasReadReplica } from "./pool";

// The app's one pool (./pool.ts, with its connection-lost listener), shared with the sign-in
// limiter, so the app holds one set of connections rather than one per library.
function createClient(pool: pg.Pool = getPool()) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    // A password hash is never selected by accident; the one query that needs it asks for it.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { derekDb?: Db; derekReadDb?: Db };

function getDb(): Db {
  globalForDb.derekDb ??= createClient();
  return globalForDb.derekDb;
}

function getReadDb(): Db {
  if (!hasReadReplica()) return getDb();
  globalForDb.derekReadDb ??= createClient(getReadPool());
  return globalForDb.derekReadDb;
}

function lazily(getClient: () => Db): Db {
  return new Proxy({} as Db, {
    get(_target, property) {
      const client = getClient();
      const value = Reflect.get(client, property, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

/**
 * The one Prisma client of the app, on the primary. Created on first use rather than at import,
 * so that `next build` and scripts that never touch the database do not need DATABASE_URL.
 */
export const db: Db = lazily(getDb);

/**
 * The client for reads that may lag the primary by a replica's delay: the ledger and its charts.
 * It is `db` itself when DATABASE_READ_URL is unset; when set, its sessions are read-only
 * (./pool.ts). Never for a write, nor for a read the person must see their own latest write in
 * (the workbench, the review pages, the header's counts).
 */
export const readDb: Db = lazily(getReadDb);

/** Ends the clients and the pools under them (the adapter leaves a pool it was handed open). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.derekDb?.$disconnect();
  globalForDb.derekDb = undefined;
  await globalForDb.derekReadDb?.$disconnect();
  globalForDb.derekReadDb = undefined;
  await closePool();
}
