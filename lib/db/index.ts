// lib/db is the only place that touches Prisma. Other modules import from here.
import "server-only";
export { db, createDb, type Db } from "./client";
export { Prisma } from "./generated/client";
export type * from "./generated/client";
export { isDatabaseUnavailable } from "./unavailable";
export { PgListener, listener } from "./listen";

import type { Prisma as P } from "./generated/client";
export type Tx = P.TransactionClient;

import { db as getDb } from "./client";

/**
 * Interactive transaction with waits long enough for bursts of concurrent
 * writers (the default 2 s connection wait fails under 20 parallel saves).
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().$transaction(fn, { maxWait: 15_000, timeout: 30_000 });
}
