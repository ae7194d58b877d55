import { migrate } from "@/lib/db/migrate";
import { resetEnvCache } from "@/lib/env";
import { createTestDatabase, dropTestDatabase } from "../../tests/support/test-db";

export interface BenchDatabase {
  name: string;
  url: string;
}

// Databases this process created; dropped on exit, Ctrl-C or failure.
const live = new Set<string>();

async function dropAll(): Promise<void> {
  for (const name of [...live]) {
    await dropTestDatabase(name).catch((err) => console.error(`[bench] drop ${name}:`, err));
    live.delete(name);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: dropping bench databases`);
    void dropAll().finally(() => process.exit(130));
  });
}

/** A fresh, migrated database, dropped when `fn` ends however it ends. */
export async function withBenchDatabase<T>(
  prefix: string,
  fn: (database: BenchDatabase) => Promise<T>,
): Promise<T> {
  const database = await createTestDatabase(`bench_${prefix}`);
  live.add(database.name);
  try {
    await migrate(database.url);
    return await fn(database);
  } finally {
    await disconnectInProcess();
    await dropTestDatabase(database.name);
    live.delete(database.name);
  }
}

/**
 * Points this process's lib/server code (the `db()` singleton) at `url`. Call it before the
 * first lib/server call that should use this database; it replaces any earlier client.
 */
export async function useInProcess(url: string): Promise<void> {
  await disconnectInProcess();
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "bench-does-not-sign-sessions-0000";
  resetEnvCache();
}

async function disconnectInProcess(): Promise<void> {
  // lib/db caches its one client on globalThis (lib/db/client.ts); drop it so the next db()
  // call connects to the database now in DATABASE_URL.
  const holder = globalThis as unknown as { galleyDb?: { $disconnect(): Promise<void> } };
  if (!holder.galleyDb) return;
  await holder.galleyDb.$disconnect().catch(() => {});
  holder.galleyDb = undefined;
}
