import "server-only";
import { db } from "@/lib/db";

/**
 * The least a write can do with the same driver: one row into a table that
 * bench/feedback-intake.ts creates (no migration does). The baseline it is measured against.
 */
export async function insertBenchBaseline(body: string): Promise<void> {
  await db().$executeRaw`INSERT INTO bench_baseline ("body") VALUES (${body})`;
}
