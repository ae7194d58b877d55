import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";

describe("migration runner", () => {
  it("records migrations in Prisma's _prisma_migrations table with Prisma's checksum", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const rows = (
        await client.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)
      ).rows;
      expect(rows.length).toBeGreaterThan(0);
      const first = rows[0];
      const sql = readFileSync(`${MIGRATIONS_DIR}/${first.migration_name}/migration.sql`);
      expect(first.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(first.finished_at).toBeInstanceOf(Date);
      expect(first.applied_steps_count).toBe(1);
      expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await client.end();
    }
  });

  it("is idempotent: a second run applies nothing", async () => {
    const res = await migrate(process.env.DATABASE_URL!);
    expect(res.applied).toEqual([]);
    expect(res.alreadyApplied).toBeGreaterThan(0);
  });
});
