// Stores each article's risk score (lib/quality/risk.ts) so the queue can sort by it.
//
// Why stored and not computed per request: the score needs the QA checks over the whole text
// and the engine's history; doing that for every article on every "Riskiest first" page would
// scan the newsroom (100k articles) per request. Instead refreshArticleRisk runs inside the
// transactions that change its inputs (ingest, import, save, QA dismissal) and the queue reads an
// indexed column (ADR 009). What can go stale: the engine history part (cached for a minute,
// and not pushed to other articles when it moves) and warnings changed by glossary or rule
// edits; `npm run galley -- refresh-risk` recomputes every article.
import "server-only";

import { Prisma, db, readAll, type Db, type Tx } from "@/lib/db";
import { scoreRisk, type Risk, type RiskEngineHistory } from "@/lib/quality/risk";
import { annotationPenalty, type MqmSeverityInput } from "@/lib/quality/mqm";
import { runChecks } from "@/lib/quality/checks";
import type { SegmentKind } from "@/lib/domain/types";
import { approvedNamesFor } from "./approved-names";
import { articleCheckContext, literalismPatterns, warningsForContext } from "./checks";
import { glossaryForPair } from "./glossary";
import { rulesForArticle } from "./qa-rules";
import { mqmWeights } from "./quality-scores";

const ENGINE_HISTORY_TTL_MS = 60_000;
const engineCache = new Map<string, { at: number; value: RiskEngineHistory }>();

/**
 * The engine's record so far: MQM per 1,000 words of its annotated articles, reader reports
 * per article, and the share of segments edited in its reviewed (revision > 1) articles.
 * Three aggregate queries over the engine's articles, cached per process for a minute so a
 * bulk ingest does not repeat them per line.
 */
export async function engineHistory(
  engineId: string,
  client: Db | Tx = db(),
): Promise<RiskEngineHistory> {
  const cached = engineCache.get(engineId);
  if (cached && Date.now() - cached.at < ENGINE_HISTORY_TTL_MS) return cached.value;
  const [annotations, words, counts, edits] = await readAll(client, [
    () => client.$queryRaw<{ category: string; severity: string; n: number }[]>`
      SELECT an."category", an."severity", count(*)::int AS n
      FROM "Annotation" an JOIN "Article" a ON a."id" = an."articleId"
      WHERE a."engineId" = ${engineId} AND an."status" <> 'REJECTED'
      GROUP BY an."category", an."severity"`,
    () => client.$queryRaw<{ words: number | null }[]>`
      SELECT sum(a."wordCount")::int AS words FROM "Article" a
      WHERE a."engineId" = ${engineId}
        AND EXISTS (SELECT 1 FROM "Annotation" an WHERE an."articleId" = a."id")`,
    () => client.$queryRaw<{ articles: number; reports: number }[]>`
      SELECT count(*)::int AS articles,
             (SELECT count(*)::int FROM "Feedback" f JOIN "Article" b ON b."id" = f."articleId"
              WHERE b."engineId" = ${engineId}) AS reports
      FROM "Article" a WHERE a."engineId" = ${engineId}`,
    () => client.$queryRaw<{ segments: number; edited: number }[]>`
      SELECT (SELECT count(*)::int FROM "Segment" s JOIN "Article" a ON a."id" = s."articleId"
              WHERE a."engineId" = ${engineId} AND a."currentRevision" > 1) AS segments,
             (SELECT count(DISTINCT (t."articleId", t."segmentIndex"))::int
              FROM "SegmentText" t JOIN "Article" a ON a."id" = t."articleId"
              WHERE a."engineId" = ${engineId} AND t."revisionNumber" > 1) AS edited`,
  ]);
  const weights = mqmWeights();
  const penalty = annotations.reduce(
    (sum, a) =>
      sum +
      a.n *
        annotationPenalty(
          { category: a.category, severity: a.severity as MqmSeverityInput },
          weights,
        ),
    0,
  );
  const annotatedWords = words[0]?.words ?? 0;
  const articles = counts[0]?.articles ?? 0;
  const segments = edits[0]?.segments ?? 0;
  const value: RiskEngineHistory = {
    mqmPer1000Words: annotatedWords > 0 ? (penalty / annotatedWords) * 1000 : null,
    reportRate: articles > 0 ? (counts[0]?.reports ?? 0) / articles : null,
    editedShare: segments > 0 ? Math.min((edits[0]?.edited ?? 0) / segments, 1) : null,
  };
  engineCache.set(engineId, { at: Date.now(), value });
  return value;
}

/** Forget cached engine histories (tests that build a history and score right after). */
export function clearEngineHistoryCache(): void {
  engineCache.clear();
}

/** Computes the article's risk from its current text and stores it. Call inside the write. */
export async function refreshArticleRisk(client: Db | Tx, articleId: string): Promise<Risk> {
  const article = await client.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { engineId: true },
  });
  const ctx = await articleCheckContext(articleId, undefined, client);
  const [warnings, engine] = await readAll(client, [
    () => warningsForContext(articleId, ctx, client),
    () => engineHistory(article.engineId, client),
  ]);
  const risk = scoreRisk({ warnings, texts: ctx.segments.map((s) => s.text), engine });
  await client.article.update({
    where: { id: articleId },
    data: { riskScore: risk.score, riskReasons: risk.reasons as unknown as Prisma.InputJsonArray },
  });
  return risk;
}

export interface NewArticleForRisk {
  id: string;
  engineId: string;
  sourceLang: string;
  targetLang: string;
  engine: { name: string; version: string };
  segments: { source: string | null; mt: string; kind: SegmentKind }[];
}

/**
 * Risk of articles a batch ingest just stored, from the text in memory: glossary, rules and
 * names are read once per language pair and engine, and one UPDATE stores every score, so a
 * bulk import keeps its per-batch cost (lib/server/ingest.ts). New articles have no dismissals.
 */
export async function scoreNewArticles(tx: Tx, articles: readonly NewArticleForRisk[]) {
  if (articles.length === 0) return;
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as Promise<T>;
  };
  const patterns = literalismPatterns();
  const ids: string[] = [];
  const scores: number[] = [];
  const reasons: string[] = [];
  for (const a of articles) {
    const pair = `${a.sourceLang}|${a.targetLang}`;
    const [glossary, rules, approvedNames, engine] = [
      await once(`g|${pair}`, () => glossaryForPair(a.sourceLang, a.targetLang, tx)),
      await once(`r|${pair}|${a.engine.name}|${a.engine.version}`, () => rulesForArticle(a, tx)),
      await once(`n|${a.targetLang}`, () => approvedNamesFor(a.targetLang, tx)),
      await once(`e|${a.engineId}`, () => engineHistory(a.engineId, tx)),
    ];
    const segments = a.segments.map((s, index) => ({
      index,
      source: s.source,
      text: s.mt,
      kind: s.kind,
    }));
    const warnings = runChecks({
      sourceLang: a.sourceLang,
      targetLang: a.targetLang,
      segments,
      glossary,
      literalismPatterns: patterns,
      rules,
      approvedNames,
    });
    const risk = scoreRisk({ warnings, texts: segments.map((s) => s.text), engine });
    ids.push(a.id);
    scores.push(risk.score);
    reasons.push(JSON.stringify(risk.reasons));
  }
  await tx.$executeRaw`
    UPDATE "Article" a SET "riskScore" = v."score", "riskReasons" = v."reasons"::jsonb
    FROM unnest(${ids}::text[], ${scores}::float8[], ${reasons}::text[]) AS v("id", "score", "reasons")
    WHERE a."id" = v."id"`;
}

/** Recomputes every article's risk, oldest first, in batches; returns how many. */
export async function refreshAllRisk(onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  let after = "";
  for (;;) {
    const batch = await db().article.findMany({
      where: { id: { gt: after } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 200,
    });
    if (batch.length === 0) return done;
    for (const a of batch) {
      await refreshArticleRisk(db(), a.id);
      done++;
    }
    after = batch[batch.length - 1]!.id;
    onProgress?.(done);
  }
}
