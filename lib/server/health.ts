import "server-only";
import { db } from "@/lib/db";
import { logKey, NO_LOG_KEY } from "./log-key";

/** Whether this instance seals and signs the audit log, and if not, why (ADR 015). */
export function auditLogStatus(): { sealing: true } | { sealing: false; reason: string } {
  return logKey() ? { sealing: true } : { sealing: false, reason: NO_LOG_KEY };
}

/** Resolves when the database answers a trivial query within `timeoutMs`, rejects otherwise. */
export async function pingDatabase(timeoutMs = 3000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`database did not answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
