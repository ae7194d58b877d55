import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { databaseUrl, env } from "@/lib/env";

export type Db = InstanceType<typeof PrismaClient>;

// One client per process, cached on globalThis so dev-mode reloads do not open
// a new pool on every edit. Nothing else constructs a PrismaClient.
const globalForDb = globalThis as unknown as { galleyDb?: Db };

// The pools of each client: the ORM's, and the hot path's own (rawQuery, below).
const pools = new WeakMap<Db, { url: string; hot?: pg.Pool }>();

function newPool(url: string, extra: { pipeline?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: env().GALLEY_DB_POOL_SIZE,
    ...extra,
    // Fail fast when PostgreSQL is down so requests answer 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection is logged; the pool replaces it on the next query.
  pool.on("error", (err) => console.warn(`[db] idle connection lost: ${err.message}`));
  return pool;
}

export function createDb(url: string = databaseUrl()): Db {
  const pool = newPool(url);
  const entry: { url: string; hot?: pg.Pool } = { url };
  // $disconnect ends the pool (disposeExternalPool), as it did when the adapter built the pool
  // itself; the hot path's pool ends with it.
  const endPool = pool.end.bind(pool);
  pool.end = (async () => {
    await Promise.all([endPool(), entry.hot?.end()]);
  }) as typeof pool.end;
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, entry);
  return client;
}

export function db(): Db {
  globalForDb.galleyDb ??= createDb();
  return globalForDb.galleyDb;
}

/**
 * One statement straight on PostgreSQL, without the ORM runtime: for the hottest write path
 * (the public feedback intake), where the profile showed the ORM's per-query work as a large
 * share of the server's CPU. Statements are composed with `Prisma.sql`, so values are always
 * bound parameters. A single statement commits atomically on its own (no BEGIN/COMMIT trips).
 */
export async function rawQuery<T extends object>(
  statement: Prisma.Sql,
  client: Db = db(),
): Promise<T[]> {
  const res = await hotPool(client).query<T>(queryConfig(statement));
  return res.rows;
}

/**
 * Several statements sent at once on one connection (PostgreSQL's pipeline mode) and run in
 * order, each in a transaction of its own: one round trip instead of one per statement. A
 * later statement runs even when an earlier one failed, so it must not depend on an earlier
 * one's success except through what that one committed (or set on the session). Each result is
 * reported as settled, in order.
 */
export async function rawPipeline(
  statements: Prisma.Sql[],
  client: Db = db(),
): Promise<PromiseSettledResult<Record<string, unknown>[]>[]> {
  const connection = await hotPool(client).connect();
  let broken: Error | undefined;
  try {
    // Queued in the same tick, so the pipelined client sends them at once; corked around them,
    // so that is one socket write (each write to PostgreSQL over loopback costs the sender the
    // receiving side's TCP work and the backend's wake-up).
    const socket = connection.connection.stream;
    socket.cork();
    const pending = statements.map((s) => connection.query(queryConfig(s)).then((r) => r.rows));
    socket.uncork();
    const results = await Promise.allSettled(pending);
    for (const r of results) {
      // A connection-level failure (not an SQL error) leaves the connection unusable.
      if (r.status === "rejected" && !(r.reason instanceof pg.DatabaseError)) broken = r.reason;
    }
    return results;
  } finally {
    connection.release(broken);
  }
}

function hotPool(client: Db): pg.Pool {
  const entry = pools.get(client);
  if (!entry) throw new Error("rawQuery: this client was not made by createDb");
  entry.hot ??= newPool(withGenericPlans(entry.url), { pipeline: true });
  return entry.hot;
}

function queryConfig(statement: Prisma.Sql): pg.QueryConfig {
  // Dates as ISO UTC text, as the ORM's adapter sends them: pg would send local time, and the
  // timestamp columns (without time zone) hold UTC.
  const values = statement.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return { name: statementName(statement.text), text: statement.text, values };
}

/**
 * The hot path's connections always run its named statements on their one cached generic
 * plan. PostgreSQL's default (plan_cache_mode=auto) may instead replan a statement for every
 * execution, for good, when its estimates happen to favour that: the bench caught one pooled
 * backend of eight doing so, at ~1 ms of planning per request, and forcing generic plans cut
 * PostgreSQL's CPU per intake request from 1.7 to 1.2 ms. That is why this path has a pool of
 * its own: the ORM's unnamed statements keep per-execution plans (search, filters on skewed
 * columns), which this setting would also have changed.
 */
function withGenericPlans(url: string): string {
  const u = new URL(url);
  const prior = u.searchParams.get("options");
  u.searchParams.set(
    "options",
    [prior, "-c plan_cache_mode=force_generic_plan"].filter(Boolean).join(" "),
  );
  return u.toString();
}

// Named statements are parsed and planned once per connection, then only bound and run: the
// planning of the intake's CTE statements is PostgreSQL CPU on the same machine (~1 ms each). The hot path
// has a handful of statement shapes; past a bound, further shapes run unnamed.
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known || statementNames.size >= 50) return known;
  const name = `galley_raw_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}
