// Outlets as configuration (issue 17): the one module that reads and writes the Outlet table.
// Other features (embed CORS, disclosure, webhooks, chat) read outlets through outletByName.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db";

export type OutletRow = NonNullable<Awaited<ReturnType<Db["outlet"]["findUnique"]>>>;

/** The outlet whose `name` is an article's `outlet`, or null when it is not configured. */
export async function outletByName(
  name: string,
  client: Db | Tx = db(),
): Promise<OutletRow | null> {
  if (!name) return null;
  return client.outlet.findUnique({ where: { name } });
}
