import { embeddedLogKey, resolveDatabase, type ResolvedDatabase } from "@/lib/db/resolve";
import { migrate } from "@/lib/db/migrate";

// Points this process at the configured database (embedded or DATABASE_URL)
// before any lib/server module reads the environment.
export async function withDatabase<T>(
  fn: (db: ResolvedDatabase) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const resolved = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.GALLEY_DATA_DIR ?? ".galley",
  });
  process.env.DATABASE_URL = resolved.url;
  process.env.GALLEY_DATABASE_MODE = resolved.mode;
  // The same log key as the app's (audit:seal signs, audit:verify checks with it).
  if (resolved.mode === "embedded") {
    process.env.GALLEY_LOG_PRIVATE_KEY ??= await embeddedLogKey(
      process.env.GALLEY_DATA_DIR ?? ".galley",
    );
  }
  // The CLI never issues sessions; lib/env only needs some value for IP hashing.
  process.env.NEXTAUTH_SECRET ??= "cli-does-not-sign-sessions-0000";
  try {
    if (opts.migrate !== false) await migrate(resolved.url);
    return await fn(resolved);
  } finally {
    const { db } = await import("@/lib/db");
    await db()
      .$disconnect()
      .catch(() => {});
    await resolved.close();
  }
}
