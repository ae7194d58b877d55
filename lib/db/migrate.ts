import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { Logger, runMigrations } from "graphile-worker";

// Applies prisma/migrations/*/migration.sql and records them in Prisma's own
// `_prisma_migrations` table, with Prisma's advisory lock, so `prisma migrate
// deploy` keeps working on machines that have the native engine.
// Why not Prisma: its migration engine is a native binary this offline machine
// cannot download (docs/decisions/002-migrations-without-the-schema-engine.md).
const PRISMA_ADVISORY_LOCK = 72707369;
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

/** graphile-worker logs each step at info; only its warnings and errors are worth a line. */
export const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning")
    console.error(`[galley] job queue ${level}: ${message}`);
});

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(
  connectionString: string,
  dir: string = MIGRATIONS_DIR,
  log: (line: string) => void = () => {},
): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
    }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
      const sql = await readFile(path.join(dir, name, "migration.sql"));
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = byName.get(name);
      if (previous?.finished_at) {
        if (previous.checksum !== checksum) {
          log(`warning: migration ${name} was modified after it was applied`);
        }
        continue;
      }
      if (previous && !previous.finished_at) {
        throw new Error(
          `Migration ${name} failed earlier and needs attention (see _prisma_migrations.logs)`,
        );
      }
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`,
        [id, checksum, name],
      );
      try {
        // Simple-query protocol: the whole file runs as one implicit transaction.
        await client.query(sql.toString("utf8"));
      } catch (err) {
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [
          id,
          String(err),
        ]);
        throw new Error(`Migration ${name} failed: ${(err as Error).message}`);
      }
      await client.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1`,
        [id],
      );
      applied.push(name);
      log(`applied ${name}`);
    }
    // The job queue's own schema (graphile_worker): events add jobs with
    // graphile_worker.add_job() inside their transactions (ADR 013), so it must exist before
    // the app's first write. Every path that migrates (npm start, the CLI, test templates) comes
    // here; graphile-worker versions and applies its own migrations, safely when run in parallel.
    await runMigrations({ connectionString, logger: quietLogger });
    return { applied, alreadyApplied: names.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}
