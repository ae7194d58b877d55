import "server-only";
import { db } from "@/lib/db";

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
