import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl, env } from "@/lib/env";

export type Db = InstanceType<typeof PrismaClient>;

// One client per process, cached on globalThis so dev-mode reloads do not open
// a new pool on every edit. Nothing else constructs a PrismaClient.
const globalForDb = globalThis as unknown as { galleyDb?: Db };

export function createDb(url: string = databaseUrl()): Db {
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: env().GALLEY_DB_POOL_SIZE,
      // Fail fast when PostgreSQL is down so requests answer 503 instead of hanging.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    },
    // A dropped idle connection is logged; the pool replaces it on the next query.
    { onPoolError: (err) => console.warn(`[db] idle connection lost: ${err.message}`) },
  );
  return new PrismaClient({ adapter });
}

export function db(): Db {
  globalForDb.galleyDb ??= createDb();
  return globalForDb.galleyDb;
}
