import "server-only";
import { Prisma, db } from "@/lib/db";

export interface RateDecision {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

function decision(
  row: { count: number; windowStart: Date },
  limit: number,
  windowSeconds: number,
): RateDecision {
  const elapsed = (Date.now() - row.windowStart.getTime()) / 1000;
  return {
    allowed: row.count <= limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)),
  };
}

/**
 * Fixed-window counters in PostgreSQL: one atomic upsert for all the keys given
 * (one round trip, e.g. per reader and per article), so every app instance shares
 * the same limits (process memory would not). A counter past its limit keeps
 * counting, which is harmless and keeps the statement branch-free. Results come
 * in the order given.
 */
export async function hitRateLimits(
  hits: { key: string; limit: number }[],
  windowSeconds: number,
): Promise<RateDecision[]> {
  const keys = hits.map((h) => h.key);
  const rows = await db().$queryRaw<{ key: string; count: number; windowStart: Date }[]>(
    rateLimitHitSql(keys, windowSeconds),
  );
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return hits.map((h) => decision(byKey.get(h.key)!, h.limit, windowSeconds));
}

/**
 * The counting statement of hitRateLimits, for a caller that runs it as a CTE of a larger
 * statement (the feedback intake counts and looks up in one round trip). Returns "key",
 * "count", "windowStart" and "retryAfter" (seconds until the window ends, computed in
 * PostgreSQL, which stored windowStart in its own session time).
 */
export function rateLimitHitSql(
  keys: string[],
  windowSeconds: number,
  /** Count only when this holds (evaluated in the same statement); by default always. */
  when: Prisma.Sql = Prisma.sql`true`,
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    SELECT k, now(), 1 FROM unnest(${keys}::text[]) AS k WHERE ${when}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "key", "count", "windowStart",
      GREATEST(1, ceil(${windowSeconds} - extract(epoch FROM (now()::timestamp - "windowStart"))))::int
        AS "retryAfter"`;
}

/** Gives back one hit, e.g. when another limit refused the same request. */
export async function releaseRateLimit(key: string): Promise<void> {
  await db()
    .$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

/**
 * Removes the finished windows of keys under `prefix` that went past `limit`,
 * returning them: each row is claimed by exactly one caller (DELETE … RETURNING),
 * so a window's refusals are summarised once. A removed row is harmless: the
 * next hit on that key simply opens a fresh window.
 */
export async function takeFinishedOverLimit(
  prefix: string,
  limit: number,
  windowSeconds: number,
): Promise<{ key: string; count: number; windowStart: Date }[]> {
  return db().$queryRaw<{ key: string; count: number; windowStart: Date }[]>`
    DELETE FROM "RateLimit"
    WHERE starts_with("key", ${prefix}) AND "count" > ${limit}
      AND "windowStart" <= now() - make_interval(secs => ${windowSeconds})
    RETURNING "key", "count", "windowStart"`;
}
