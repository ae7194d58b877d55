import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { databaseUrl, env } from "@/lib/env";

export type Db = InstanceType<typeof PrismaClient>;

// One client per process, cached on globalThis so dev-mode reloads do not open
// a new pool on every edit. Nothing else constructs a PrismaClient.
const globalForDb = globalThis as unknown as { galleyDb?: Db };

// The pg pool under each client: the one hot path that bypasses the ORM (rawQuery) uses the
// same connections, so the pool size still bounds what one instance asks of PostgreSQL.
const pools = new WeakMap<Db, pg.Pool>();

export function createDb(url: string = databaseUrl()): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: env().GALLEY_DB_POOL_SIZE,
    // Fail fast when PostgreSQL is down so requests answer 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection is logged; the pool replaces it on the next query.
  pool.on("error", (err) => console.warn(`[db] idle connection lost: ${err.message}`));
  // $disconnect ends the pool, as it did when the adapter built the pool itself.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

export function db(): Db {
  globalForDb.galleyDb ??= createDb();
  return globalForDb.galleyDb;
}

/**
 * One statement straight on the pool, without the ORM runtime: for the hottest write path
 * (the public feedback intake), where the profile showed the ORM's per-query work as a large
 * share of the server's CPU. Statements are composed with `Prisma.sql`, so values are always
 * bound parameters. A single statement commits atomically on its own (no BEGIN/COMMIT trips).
 */
export async function rawQuery<T extends object>(
  statement: Prisma.Sql,
  client: Db = db(),
): Promise<T[]> {
  const pool = pools.get(client);
  if (!pool) throw new Error("rawQuery: this client was not made by createDb");
  // Dates as ISO UTC text, as the ORM's adapter sends them: pg would send local time, and the
  // timestamp columns (without time zone) hold UTC.
  const values = statement.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const res = await pool.query<T>({
    name: statementName(statement.text),
    text: statement.text,
    values,
  });
  return res.rows;
}

// Named statements are parsed and planned once per connection, then only bound and run: the
// planning of the intake's CTE statements is PostgreSQL CPU on the same machine. The hot path
// has a handful of statement shapes; past a bound, further shapes run unnamed.
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known || statementNames.size >= 50) return known;
  const name = `galley_raw_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}
