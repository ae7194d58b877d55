// lib/db is the only place that touches Prisma. Other modules import from here.
import "server-only";
export { db, createDb, rawPipeline, rawQuery, type Db } from "./client";
export { Prisma } from "./generated/client";
export type * from "./generated/client";
export { isDatabaseUnavailable } from "./unavailable";
export { PgListener, listener } from "./listen";
export { openSession, type Session } from "./session";

import type { Prisma as P } from "./generated/client";
export type Tx = P.TransactionClient;

import { db as getDb, type Db } from "./client";

/**
 * Interactive transaction with waits long enough for bursts of concurrent
 * writers (the default 2 s connection wait fails under 20 parallel saves).
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().$transaction(fn, { maxWait: 15_000, timeout: 30_000 });
}

/**
 * Independent reads: at once on the pool, one after another in a transaction. A transaction
 * holds one connection, which runs one query at a time: pg queues overlapping ones today
 * (with a deprecation warning) and refuses them from pg 9.
 */
export async function readAll<T extends readonly (() => Promise<unknown>)[]>(
  client: Db | Tx,
  reads: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Out = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  // The transaction client carries every method of the pool's client at run time, so it
  // cannot be told apart by shape; anything but the pool is read in order.
  if (client === getDb()) return (await Promise.all(reads.map((r) => r()))) as Out;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as Out;
}
