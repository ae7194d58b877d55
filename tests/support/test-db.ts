import { randomBytes } from "node:crypto";
import pg from "pg";

// Test databases are created per run on a local PostgreSQL and dropped after.
// Refuses anything but a local server unless GALLEY_TEST_ALLOW_REMOTE=1.
export const ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (
    !["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) &&
    process.env.GALLEY_TEST_ALLOW_REMOTE !== "1"
  ) {
    throw new Error(
      `Refusing to create test databases on non-local host ${host} (set GALLEY_TEST_ALLOW_REMOTE=1)`,
    );
  }
}

export function databaseUrlFor(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(prefix: string): Promise<{ name: string; url: string }> {
  assertLocal(ADMIN_URL);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return { name, url: databaseUrlFor(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
