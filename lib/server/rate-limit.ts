import { db } from "@/lib/db";

export interface RateDecision {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in PostgreSQL: one atomic upsert per hit, so every app
 * instance shares the same limit (process memory would not). A counter past the
 * limit keeps counting, which is harmless and keeps the statement branch-free.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateDecision> {
  const rows = await db().$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  const elapsed = (Date.now() - row.windowStart.getTime()) / 1000;
  return {
    allowed: row.count <= limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)),
  };
}

/**
 * Several counters in one statement (one round trip), e.g. per reader and per
 * article. Same fixed-window rule as hitRateLimit; results in the order given.
 */
export async function hitRateLimits(
  hits: { key: string; limit: number }[],
  windowSeconds: number,
): Promise<RateDecision[]> {
  const keys = hits.map((h) => h.key);
  const rows = await db().$queryRaw<{ key: string; count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    SELECT k, now(), 1 FROM unnest(${keys}::text[]) AS k
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "key", "count", "windowStart"`;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return hits.map((h) => {
    const row = byKey.get(h.key)!;
    const elapsed = (Date.now() - row.windowStart.getTime()) / 1000;
    return {
      allowed: row.count <= h.limit,
      count: row.count,
      retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)),
    };
  });
}

/** Gives back one hit, e.g. when the guarded write itself failed validation later. */
export async function releaseRateLimit(key: string): Promise<void> {
  await db()
    .$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

/** The current count in the key's window without adding a hit (0 when the window has passed). */
export async function peekRateLimit(
  key: string,
  windowSeconds: number,
): Promise<RateDecision & { limitKey: string }> {
  const rows = await db().$queryRaw<{ count: number; windowStart: Date }[]>`
    SELECT "count", "windowStart" FROM "RateLimit"
    WHERE "key" = ${key} AND "windowStart" > now() - make_interval(secs => ${windowSeconds})`;
  const row = rows[0];
  if (!row) return { allowed: true, count: 0, retryAfterSeconds: 0, limitKey: key };
  const elapsed = (Date.now() - row.windowStart.getTime()) / 1000;
  return {
    allowed: true,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)),
    limitKey: key,
  };
}
