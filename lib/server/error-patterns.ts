// Engine error patterns (issue 16): the same MT text reviewers replaced the same way in at
// least 3 segments of one engine (lib/quality/error-patterns.ts mines them). Read from the
// current text of reviewed articles — the final wording, not every intermediate save — of the
// newest PATTERN_ARTICLE_LIMIT reviewed articles, so the cost per request stays bounded.
import "server-only";

import { Prisma, db } from "@/lib/db";
import { engineKey, engineLabel } from "@/lib/domain/engine";
import { mineErrorPatterns, type ErrorPattern } from "@/lib/quality/error-patterns";
import { emptyToNull } from "@/lib/text/nullable";
import { engineConditions } from "./engine-filter";

export const PATTERN_ARTICLE_LIMIT = 2_000;

export interface EnginePattern extends ErrorPattern {
  engine: { name: string; version: string | null; key: string; label: string };
}

export async function getEnginePatterns(
  engine?: string,
): Promise<{ items: EnginePattern[]; truncated: boolean }> {
  const where: Prisma.Sql[] = [Prisma.sql`a."currentRevision" > 1`];
  if (engine) where.push(...engineConditions(engine));
  const articles = await db().$queryRaw<
    { id: string; targetLang: string; engineName: string; engineVersion: string }[]
  >`
    SELECT a."id", a."targetLang", e."name" AS "engineName", e."version" AS "engineVersion"
    FROM "Article" a JOIN "Engine" e ON e."id" = a."engineId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY a."updatedAt" DESC, a."id" DESC
    LIMIT ${PATTERN_ARTICLE_LIMIT + 1}`;
  const truncated = articles.length > PATTERN_ARTICLE_LIMIT;
  const scope = articles.slice(0, PATTERN_ARTICLE_LIMIT);
  if (scope.length === 0) return { items: [], truncated };
  // Segments whose current text differs from the MT: the newest text row after revision 1.
  const rows = await db().$queryRaw<
    { articleId: string; segmentIndex: number; mt: string; final: string }[]
  >`
    SELECT DISTINCT ON (t."articleId", t."segmentIndex")
           t."articleId", t."segmentIndex", s."mt", t."text" AS "final"
    FROM "SegmentText" t
    JOIN "Article" a ON a."id" = t."articleId"
    JOIN "Segment" s ON s."articleId" = t."articleId" AND s."index" = t."segmentIndex"
    WHERE t."articleId" IN (${Prisma.join(scope.map((a) => a.id))})
      AND t."revisionNumber" > 1 AND t."revisionNumber" <= a."currentRevision"
    ORDER BY t."articleId", t."segmentIndex", t."revisionNumber" DESC`;
  const byArticle = new Map(scope.map((a) => [a.id, a]));
  const byEngine = new Map<string, { article: (typeof scope)[number]; rows: typeof rows }>();
  for (const r of rows) {
    const a = byArticle.get(r.articleId)!;
    const key = `${a.engineName}\u0000${a.engineVersion}`;
    if (!byEngine.has(key)) byEngine.set(key, { article: a, rows: [] });
    byEngine.get(key)!.rows.push(r);
  }
  const items: EnginePattern[] = [];
  for (const { article, rows: segs } of byEngine.values()) {
    const e = { name: article.engineName, version: emptyToNull(article.engineVersion) };
    const info = { ...e, key: engineKey(e), label: engineLabel(e) };
    const patterns = mineErrorPatterns(
      segs.filter((s) => s.mt !== s.final),
      { lang: article.targetLang },
    );
    for (const p of patterns) items.push({ ...p, engine: info });
  }
  items.sort((x, y) => y.count - x.count || x.engine.label.localeCompare(y.engine.label));
  return { items, truncated };
}
