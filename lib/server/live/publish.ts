import "server-only";
import type { Tx } from "@/lib/db";
import type { LiveNotice } from "@/lib/domain/live";

/** The one NOTIFY channel; notices name their article and listeners filter. */
export const LIVE_CHANNEL = "galley_live";

/**
 * Queues a live notice inside the writing transaction: PostgreSQL delivers it to
 * every listening instance on commit, and never if the transaction rolls back.
 */
export async function publishLive(tx: Tx, notice: LiveNotice): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notice)})`;
}

/** Who acted, as notices name them (name and email only). */
export const livePerson = (actor: { name: string; email: string }) => ({
  name: actor.name.slice(0, 120),
  email: actor.email.slice(0, 200),
});
