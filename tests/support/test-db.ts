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

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  assertLocal(ADMIN_URL);
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return { name, url: databaseUrlFor(name) };
}

/**
 * A copy of an already migrated database: PostgreSQL copies the template's files,
 * which takes a fraction of a second where running the migrations again takes several.
 * The template must have no open connections while it is copied.
 */
export async function cloneTestDatabase(
  template: string,
  name: string,
): Promise<{ name: string; url: string }> {
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return { name, url: databaseUrlFor(name) };
}

/** Drops every database whose name starts with `prefix` (the clones of one run). */
export async function dropTestDatabasesStartingWith(prefix: string): Promise<void> {
  const { rows } = await admin((c) =>
    c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
      prefix,
    ]),
  );
  for (const { datname } of rows) await dropTestDatabase(datname);
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
