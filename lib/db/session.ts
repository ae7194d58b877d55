import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

/**
 * A connection of its own, outside the pool, for work that needs one PostgreSQL session
 * throughout: a session-level advisory lock (the audit sealer) must be released by the same
 * session, which a pooled connection handed to other queries cannot promise.
 */
export async function openSession(
  applicationName: string,
  url = databaseUrl(),
): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    keepAlive: true,
    application_name: applicationName,
  });
  await client.connect();
  return client;
}

export type Session = pg.Client;
