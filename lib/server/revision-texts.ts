import "server-only";
import type { Db, Tx } from "@/lib/db";

/**
 * Text of every segment at revision `n`: for each segment, the newest
 * SegmentText row with revisionNumber <= n. The LATERAL form makes this one
 * index probe per segment, so its cost does not grow with the revision count.
 */
export async function textsAtRevision(
  client: Db | Tx,
  articleId: string,
  n: number,
): Promise<Map<number, string>> {
  const rows = await client.$queryRaw<{ index: number; text: string }[]>`
    SELECT s."index", t."text"
    FROM "Segment" s
    CROSS JOIN LATERAL (
      SELECT st."text" FROM "SegmentText" st
      WHERE st."articleId" = s."articleId" AND st."segmentIndex" = s."index" AND st."revisionNumber" <= ${n}
      ORDER BY st."revisionNumber" DESC LIMIT 1
    ) t
    WHERE s."articleId" = ${articleId}
    ORDER BY s."index"`;
  return new Map(rows.map((r) => [r.index, r.text]));
}

/** For each segment, the revision that last changed it at or before `n` (blame). */
export async function lastChangePerSegment(client: Db | Tx, articleId: string, n: number) {
  return client.$queryRaw<{ index: number; revision: number }[]>`
    SELECT s."index", t."revisionNumber" AS "revision"
    FROM "Segment" s
    CROSS JOIN LATERAL (
      SELECT st."revisionNumber" FROM "SegmentText" st
      WHERE st."articleId" = s."articleId" AND st."segmentIndex" = s."index" AND st."revisionNumber" <= ${n}
      ORDER BY st."revisionNumber" DESC LIMIT 1
    ) t
    WHERE s."articleId" = ${articleId}
    ORDER BY s."index"`;
}

/** Text of one segment at revision `n` (null when the segment does not exist). */
export async function segmentTextAtRevision(
  client: Db | Tx,
  articleId: string,
  index: number,
  n: number,
): Promise<string | null> {
  const rows = await client.$queryRaw<{ text: string }[]>`
    SELECT "text" FROM "SegmentText"
    WHERE "articleId" = ${articleId} AND "segmentIndex" = ${index} AND "revisionNumber" <= ${n}
    ORDER BY "revisionNumber" DESC LIMIT 1`;
  return rows[0]?.text ?? null;
}
