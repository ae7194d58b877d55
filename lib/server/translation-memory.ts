// Translation memory and concordance (issue 16). The memory is the approved segment pairs: the
// source of each segment of an article that was approved (approvedRevision set), and its text
// at that revision. Fuzzy matches use pg_trgm similarity on the source through the GIN trigram
// index (migration 20261130130300_translation_memory; ADR 009): the `%` operator with the
// threshold set for the transaction lets the index pick candidates, then similarity() ranks.
import "server-only";

import { db, transaction } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Share of trigrams two sources must share to count as a match (the issue's 75%). */
export const TM_MIN_SIMILARITY = 0.75;
export const TM_MATCHES_PER_SEGMENT = 3;
/** Sources shorter than this match too much by chance and are not looked up. */
const MIN_SOURCE_CHARS = 8;
export const CONCORDANCE_LIMIT = 50;

export interface TmMatch {
  source: string;
  target: string;
  similarity: number;
  articleId: string;
  revision: number;
}

export async function articleTm(
  articleId: string,
): Promise<{ segments: { index: number; matches: TmMatch[] }[] }> {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: { segments: { select: { index: true, source: true }, orderBy: { index: "asc" } } },
  });
  if (!article) throw notFound("Article");
  const wanted = article.segments.filter(
    (s): s is { index: number; source: string } =>
      s.source !== null && s.source.trim().length >= MIN_SOURCE_CHARS,
  );
  if (wanted.length === 0) return { segments: [] };
  const rows = await transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(TM_MIN_SIMILARITY)}, true)`;
    return tx.$queryRaw<
      {
        idx: number;
        source: string;
        target: string | null;
        similarity: number;
        articleId: string;
        revision: number;
      }[]
    >`
      SELECT q."idx", m."source", m."target", m."similarity", m."articleId", m."revision"
      FROM unnest(${wanted.map((s) => s.index)}::int[], ${wanted.map((s) => s.source)}::text[])
           AS q("idx", "src")
      CROSS JOIN LATERAL (
        SELECT s."source", similarity(s."source", q."src")::float8 AS "similarity",
               s."articleId", a."approvedRevision" AS "revision",
               (SELECT t."text" FROM "SegmentText" t
                 WHERE t."articleId" = s."articleId" AND t."segmentIndex" = s."index"
                   AND t."revisionNumber" <= a."approvedRevision"
                 ORDER BY t."revisionNumber" DESC LIMIT 1) AS "target"
        FROM "Segment" s JOIN "Article" a ON a."id" = s."articleId"
        WHERE s."source" % q."src"
          AND a."approvedRevision" IS NOT NULL
          AND s."articleId" <> ${articleId}
        ORDER BY similarity(s."source", q."src") DESC, s."articleId"
        LIMIT ${TM_MATCHES_PER_SEGMENT}
      ) m
      WHERE m."similarity" >= ${TM_MIN_SIMILARITY}
      ORDER BY q."idx", m."similarity" DESC`;
  });
  const bySegment = new Map<number, TmMatch[]>();
  for (const r of rows) {
    if (r.target === null) continue;
    const list = bySegment.get(r.idx) ?? [];
    list.push({
      source: r.source,
      target: r.target,
      similarity: Math.round(r.similarity * 1000) / 1000,
      articleId: r.articleId,
      revision: r.revision,
    });
    bySegment.set(r.idx, list);
  }
  return { segments: [...bySegment].map(([index, matches]) => ({ index, matches })) };
}

export interface ConcordanceHit {
  source: string;
  target: string;
  articleId: string;
  segmentIndex: number;
  revision: number;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Approved pairs whose source or approved target contains `q` (case-insensitive), newest
 * approval first. Both sides are matched through their trigram indexes.
 */
export async function concordance(
  q: string,
): Promise<{ items: ConcordanceHit[]; truncated: boolean }> {
  const pattern = likePattern(q);
  const rows = await db().$queryRaw<(ConcordanceHit & { target: string | null })[]>`
    WITH hits AS (
      SELECT s."articleId", s."index" AS "segmentIndex"
      FROM "Segment" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE a."approvedRevision" IS NOT NULL AND s."source" ILIKE ${pattern}
      UNION
      SELECT t."articleId", t."segmentIndex"
      FROM "SegmentText" t JOIN "Article" a ON a."id" = t."articleId"
      WHERE a."approvedRevision" IS NOT NULL AND t."text" ILIKE ${pattern}
        AND t."revisionNumber" <= a."approvedRevision"
        AND NOT EXISTS (
          SELECT 1 FROM "SegmentText" n
          WHERE n."articleId" = t."articleId" AND n."segmentIndex" = t."segmentIndex"
            AND n."revisionNumber" > t."revisionNumber"
            AND n."revisionNumber" <= a."approvedRevision")
    )
    SELECT s."source", s."articleId", s."index" AS "segmentIndex", a."approvedRevision" AS "revision",
           (SELECT t."text" FROM "SegmentText" t
             WHERE t."articleId" = s."articleId" AND t."segmentIndex" = s."index"
               AND t."revisionNumber" <= a."approvedRevision"
             ORDER BY t."revisionNumber" DESC LIMIT 1) AS "target"
    FROM hits h
    JOIN "Segment" s ON s."articleId" = h."articleId" AND s."index" = h."segmentIndex"
    JOIN "Article" a ON a."id" = s."articleId"
    WHERE s."source" IS NOT NULL
    ORDER BY a."updatedAt" DESC, s."articleId", s."index"
    LIMIT ${CONCORDANCE_LIMIT + 1}`;
  const items = rows
    .filter((r): r is ConcordanceHit => r.target !== null)
    .slice(0, CONCORDANCE_LIMIT)
    .map((r) => ({ ...r, revision: Number(r.revision) }));
  return { items, truncated: rows.length > CONCORDANCE_LIMIT };
}
