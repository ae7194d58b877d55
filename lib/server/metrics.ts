// Per-engine quality metrics over a date range, for the dashboard and GET /api/v1/metrics
// (both call getEngineMetrics, so the page and the API cannot disagree).
//
// Scope: articles ingested (createdAt) in [from, to), newest first, at most
// METRICS_ARTICLE_LIMIT of them (`truncated` says when more matched; narrow the range or
// the engine). Everything is computed per request from the stored texts; nothing is cached.
//
// Definitions (per engine, and per engine and ISO week for the trend):
// - articles: ingested in the range.
// - reviewed: has a human revision (current revision > 1), left status NEW, or carries an
//   MQM annotation (annotating is reviewing, even before the first edit).
// - meanHter / meanChrf: mean over edit-reviewed articles (a reviewer saved edits or confirmed
//   segments) of the article's corpus HTER / chrF (MT = hypothesis, current text = reference),
//   as GET /articles/:id/quality reports it. Anything else is left out: its HTER is 0 only
//   because nobody edited. `n.hterChrf` counts the articles (and words) behind the means.
// - approvedUnreviewed: articles approved or published with no saved edit and no confirmed
//   segment: reported apart, never averaged in as HTER 0.
// - smallSample: fewer than 5 articles behind HTER/chrF; the figures say little.
// - trend bands: a 95% bootstrap band around the week's mean HTER/chrF when it rests on at
//   least 5 articles (lib/quality/bootstrap.ts, seeded per engine and week: reproducible).
// - mqm: penalties of reviewed articles' annotations (not rejected), pooled: total penalty
//   ÷ total current words of those articles × 1000. errorsByCategory/Severity are counts.
// - feedback: reader feedback items per article (all articles in the range).
// - qa: open (not dismissed) QA warnings per 1,000 current words (all articles).
import "server-only";

import { Prisma, db } from "@/lib/db";
import { badRequest } from "@/lib/errors";
import { engineConditions } from "./engine-filter";
import { engineLabel } from "@/lib/domain/engine";
import { countWords } from "@/lib/ingest/identity";
import { runChecks, type GlossaryEntry } from "@/lib/quality/checks";
import { toCsv } from "@/lib/formats/csv";
import {
  MQM_CATEGORIES,
  MQM_SEVERITIES,
  parseCategory,
  type MqmAnnotationInput,
} from "@/lib/quality/mqm";
import { literalismPatterns, withFingerprint, withoutDismissed } from "./checks";
import { glossaryForPair } from "./glossary";
import { editEffort, mqmSummary, mqmWeights } from "./quality-scores";
import { emptyToNull } from "@/lib/text/nullable";
import { MIN_BOOTSTRAP_POINTS, bootstrapMeanInterval, seededRandom } from "@/lib/quality/bootstrap";

export const METRICS_ARTICLE_LIMIT = 5_000;
const CHUNK = 250;
const DAY_MS = 86_400_000;
/** The default range: the current ISO week and the 11 before it. */
export const DEFAULT_WEEKS = 12;

export interface MetricsQuery {
  /** "name" or "name@version", as in the article list. */
  engine?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export interface ErrorCounts {
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
}

export interface EngineMetrics {
  engineId: string;
  name: string;
  version: string | null;
  /** "Nova MT 3.2": name and version, as charts and tables show it. */
  label: string;
  articles: number;
  articlesReviewed: number;
  meanHter: number | null;
  meanChrf: number | null;
  /** Approved or published without a saved edit or a confirmed segment. */
  approvedUnreviewed: number;
  /** Fewer than 5 articles behind meanHter/meanChrf. */
  smallSample: boolean;
  /** The sample behind each figure. */
  n: {
    hterChrf: Sample;
    mqm: Sample;
    feedback: { articles: number };
    qa: Sample;
  };
  mqm: { penalty: number; words: number; per1000Words: number; errors: number } & ErrorCounts;
  feedback: { count: number; perArticle: number };
  qa: { warnings: number; words: number; per1000Words: number };
}

export interface Sample {
  articles: number;
  words: number;
}

export type Band = { low: number; high: number } | null;

export interface TrendPoint {
  /** Monday of the ISO week, YYYY-MM-DD (UTC). */
  week: string;
  engine: string;
  articles: number;
  articlesReviewed: number;
  meanHter: number | null;
  meanChrf: number | null;
  /** Articles behind the week's HTER/chrF means. */
  n: number;
  hterBand: Band;
  chrfBand: Band;
  mqmPer1000Words: number;
}

export interface MetricsResult {
  from: string;
  to: string;
  engine: string | null;
  limit: number;
  truncated: boolean;
  weights: ReturnType<typeof mqmWeights>;
  engines: EngineMetrics[];
  trend: TrendPoint[];
}

/** Monday 00:00 UTC of the week containing `d`. */
export function weekStart(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** Fills in the default range and checks it: [Monday 11 weeks ago, tomorrow 00:00 UTC). */
export function resolveRange(q: MetricsQuery, now = new Date()): { from: Date; to: Date } {
  const to =
    q.to ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS);
  const from = q.from ?? new Date(weekStart(now).getTime() - (DEFAULT_WEEKS - 1) * 7 * DAY_MS);
  if (from.getTime() >= to.getTime()) throw badRequest("`from` must be before `to`");
  return { from, to };
}

interface ArticleRow {
  id: string;
  createdAt: Date;
  status: string;
  currentRevision: number;
  sourceLang: string;
  targetLang: string;
  engineId: string;
  engineName: string;
  engineVersion: string;
}

/** What one article contributes to its engine's (and week's) figures. */
interface ArticleFigures {
  engineId: string;
  week: string;
  reviewed: boolean;
  /** A reviewer saved edits or confirmed segments: HTER/chrF mean something. */
  edited: boolean;
  approved: boolean;
  hter: number;
  chrf: number;
  words: number;
  mqmPenalty: number;
  annotations: MqmAnnotationInput[];
  feedback: number;
  warnings: number;
}

export async function getEngineMetrics(q: MetricsQuery = {}): Promise<MetricsResult> {
  const { from, to } = resolveRange(q);
  const articles = await findArticles(q.engine, from, to);
  const truncated = articles.length > METRICS_ARTICLE_LIMIT;
  const inScope = articles.slice(0, METRICS_ARTICLE_LIMIT);
  const weights = mqmWeights();
  const glossaries = new Map<string, Promise<GlossaryEntry[]>>();
  const glossaryFor = (a: ArticleRow) => {
    const key = `${a.sourceLang}|${a.targetLang}`;
    if (!glossaries.has(key)) glossaries.set(key, glossaryForPair(a.sourceLang, a.targetLang));
    return glossaries.get(key)!;
  };
  const patterns = literalismPatterns();

  const figures: ArticleFigures[] = [];
  for (let i = 0; i < inScope.length; i += CHUNK) {
    const chunk = inScope.slice(i, i + CHUNK);
    const data = await loadChunk(chunk.map((a) => a.id));
    for (const a of chunk) {
      const segments = data.segments.get(a.id) ?? [];
      const texts = data.texts.get(a.id) ?? new Map<number, string>();
      const mt = segments.map((s) => s.mt);
      const text = segments.map((s) => texts.get(s.index) ?? s.mt);
      const annotations = data.annotations.get(a.id) ?? [];
      const reviewed = a.currentRevision > 1 || a.status !== "NEW" || annotations.length > 0;
      const edited = a.currentRevision > 1 || data.confirmed.has(a.id);
      const words = countWords(text);
      const effort = edited ? editEffort(mt, text) : { hter: 0, chrf: 0 };
      const warnings = withoutDismissed(
        runChecks({
          sourceLang: a.sourceLang,
          targetLang: a.targetLang,
          segments: segments.map((s, k) => ({ index: s.index, source: s.source, text: text[k]! })),
          glossary: await glossaryFor(a),
          literalismPatterns: patterns,
        }).map(withFingerprint),
        data.dismissals.get(a.id) ?? [],
      );
      figures.push({
        engineId: a.engineId,
        week: isoDate(weekStart(a.createdAt)),
        reviewed,
        edited,
        approved: a.status === "APPROVED" || a.status === "PUBLISHED",
        hter: effort.hter,
        chrf: effort.chrf,
        words,
        mqmPenalty: reviewed ? mqmSummary(annotations, words, weights).penalty : 0,
        annotations: reviewed ? annotations : [],
        feedback: data.feedback.get(a.id) ?? 0,
        warnings: warnings.length,
      });
    }
  }

  const engines = new Map<string, ArticleRow>();
  for (const a of inScope) if (!engines.has(a.engineId)) engines.set(a.engineId, a);
  const labelOf = (a: ArticleRow) => engineLabel({ name: a.engineName, version: a.engineVersion });
  const engineList = [...engines.values()]
    .map((a) =>
      summarise(
        a,
        figures.filter((f) => f.engineId === a.engineId),
      ),
    )
    .sort((x, y) => x.label.localeCompare(y.label));

  const trend: TrendPoint[] = [];
  for (const a of engines.values()) {
    const mine = figures.filter((f) => f.engineId === a.engineId);
    for (const week of [...new Set(mine.map((f) => f.week))].sort()) {
      const inWeek = mine.filter((f) => f.week === week);
      const reviewed = inWeek.filter((f) => f.reviewed);
      const edited = inWeek.filter((f) => f.edited);
      const words = sum(reviewed.map((f) => f.words));
      const band = (values: number[], salt: number) =>
        values.length >= MIN_BOOTSTRAP_POINTS
          ? bootstrapMeanInterval(values, {
              random: seededRandom(hashSeed(`${a.engineId}|${week}|${salt}`)),
            })
          : null;
      trend.push({
        week,
        engine: labelOf(a),
        articles: inWeek.length,
        articlesReviewed: reviewed.length,
        meanHter: mean(edited.map((f) => f.hter)),
        meanChrf: mean(edited.map((f) => f.chrf)),
        n: edited.length,
        hterBand: band(
          edited.map((f) => f.hter),
          1,
        ),
        chrfBand: band(
          edited.map((f) => f.chrf),
          2,
        ),
        mqmPer1000Words: per1000(sum(reviewed.map((f) => f.mqmPenalty)), words),
      });
    }
  }
  trend.sort((x, y) => x.week.localeCompare(y.week) || x.engine.localeCompare(y.engine));

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    engine: q.engine ?? null,
    limit: METRICS_ARTICLE_LIMIT,
    truncated,
    weights,
    engines: engineList,
    trend,
  };
}

/** One row per engine, the same figures as the JSON (for spreadsheets). */
export function metricsCsv(result: MetricsResult): string {
  const categories = MQM_CATEGORIES.map((c) => c.top);
  const fields = [
    "engine",
    "version",
    "from",
    "to",
    "articles",
    "articlesReviewed",
    "meanHter",
    "meanChrf",
    "hterChrfArticles",
    "hterChrfWords",
    "approvedUnreviewed",
    "mqmPenalty",
    "mqmPer1000Words",
    "mqmErrors",
    ...categories.map((c) => `errors:${c}`),
    ...MQM_SEVERITIES.map((s) => `errors:${s}`),
    "feedback",
    "feedbackPerArticle",
    "qaWarnings",
    "qaWarningsPer1000Words",
  ];
  const rows = result.engines.map((e) => [
    e.name,
    e.version ?? "",
    result.from,
    result.to,
    e.articles,
    e.articlesReviewed,
    e.meanHter,
    e.meanChrf,
    e.n.hterChrf.articles,
    e.n.hterChrf.words,
    e.approvedUnreviewed,
    e.mqm.penalty,
    e.mqm.per1000Words,
    e.mqm.errors,
    ...categories.map((c) => e.mqm.byCategory[c] ?? 0),
    ...MQM_SEVERITIES.map((s) => e.mqm.bySeverity[s] ?? 0),
    e.feedback.count,
    e.feedback.perArticle,
    e.qa.warnings,
    e.qa.per1000Words,
  ]);
  return toCsv(fields, rows);
}

function summarise(a: ArticleRow, figures: ArticleFigures[]): EngineMetrics {
  const reviewed = figures.filter((f) => f.reviewed);
  const edited = figures.filter((f) => f.edited);
  const reviewedWords = sum(reviewed.map((f) => f.words));
  const penalty = round(sum(reviewed.map((f) => f.mqmPenalty)));
  const errors: ErrorCounts = { byCategory: {}, bySeverity: {} };
  let errorCount = 0;
  for (const ann of reviewed.flatMap((f) => f.annotations)) {
    if (ann.status?.toUpperCase() === "REJECTED") continue;
    const category = parseCategory(ann.category)?.top ?? ann.category;
    const severity = ann.severity.toLowerCase();
    errors.byCategory[category] = (errors.byCategory[category] ?? 0) + 1;
    errors.bySeverity[severity] = (errors.bySeverity[severity] ?? 0) + 1;
    errorCount++;
  }
  const allWords = sum(figures.map((f) => f.words));
  const feedback = sum(figures.map((f) => f.feedback));
  const warnings = sum(figures.map((f) => f.warnings));
  return {
    engineId: a.engineId,
    name: a.engineName,
    version: emptyToNull(a.engineVersion),
    label: engineLabel({ name: a.engineName, version: a.engineVersion }),
    articles: figures.length,
    articlesReviewed: reviewed.length,
    meanHter: mean(edited.map((f) => f.hter)),
    meanChrf: mean(edited.map((f) => f.chrf)),
    approvedUnreviewed: figures.filter((f) => f.approved && !f.edited).length,
    smallSample: edited.length < MIN_BOOTSTRAP_POINTS,
    n: {
      hterChrf: { articles: edited.length, words: sum(edited.map((f) => f.words)) },
      mqm: { articles: reviewed.length, words: reviewedWords },
      feedback: { articles: figures.length },
      qa: { articles: figures.length, words: sum(figures.map((f) => f.words)) },
    },
    mqm: {
      penalty,
      words: reviewedWords,
      per1000Words: per1000(penalty, reviewedWords),
      errors: errorCount,
      ...errors,
    },
    feedback: {
      count: feedback,
      perArticle: figures.length ? round(feedback / figures.length) : 0,
    },
    qa: { warnings, words: allWords, per1000Words: per1000(warnings, allWords) },
  };
}

async function findArticles(engine: string | undefined, from: Date, to: Date) {
  const where: Prisma.Sql[] = [
    Prisma.sql`a."createdAt" >= ${from}`,
    Prisma.sql`a."createdAt" < ${to}`,
  ];
  if (engine) where.push(...engineConditions(engine));
  return db().$queryRaw<ArticleRow[]>`
    SELECT a."id", a."createdAt", a."status"::text AS "status", a."currentRevision",
           a."sourceLang", a."targetLang", a."engineId",
           e."name" AS "engineName", e."version" AS "engineVersion"
    FROM "Article" a JOIN "Engine" e ON e."id" = a."engineId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY a."createdAt" DESC, a."id" DESC
    LIMIT ${METRICS_ARTICLE_LIMIT + 1}`;
}

/** Segments, current texts, annotations, feedback counts and dismissals for a batch. */
async function loadChunk(ids: string[]) {
  const [segments, texts, annotations, feedback, dismissals, confirmed] = await Promise.all([
    db().segment.findMany({
      where: { articleId: { in: ids } },
      select: { articleId: true, index: true, source: true, mt: true },
      orderBy: [{ articleId: "asc" }, { index: "asc" }],
    }),
    // The newest SegmentText per segment is its current text (revisions only grow).
    db().$queryRaw<{ articleId: string; segmentIndex: number; text: string }[]>`
      SELECT DISTINCT ON (st."articleId", st."segmentIndex") st."articleId", st."segmentIndex", st."text"
      FROM "SegmentText" st
      WHERE st."articleId" IN (${Prisma.join(ids)})
      ORDER BY st."articleId", st."segmentIndex", st."revisionNumber" DESC`,
    db().annotation.findMany({
      where: { articleId: { in: ids } },
      select: { articleId: true, category: true, severity: true, status: true },
    }),
    db().feedback.groupBy({
      by: ["articleId"],
      where: { articleId: { in: ids } },
      _count: { _all: true },
    }),
    db().qaDismissal.findMany({
      where: { articleId: { in: ids } },
      select: { articleId: true, segmentIndex: true, check: true, fingerprint: true },
    }),
    // Confirming segments is reviewing, even when the text needed no edit.
    db().segmentConfirmation.findMany({
      where: { articleId: { in: ids } },
      distinct: ["articleId"],
      select: { articleId: true },
    }),
  ]);
  return {
    segments: groupBy(segments, (s) => s.articleId),
    texts: new Map(
      [...groupBy(texts, (t) => t.articleId)].map(([id, rows]) => [
        id,
        new Map(rows.map((r) => [r.segmentIndex, r.text])),
      ]),
    ),
    annotations: groupBy(
      annotations as (MqmAnnotationInput & { articleId: string })[],
      (a) => a.articleId,
    ),
    feedback: new Map(feedback.map((f) => [f.articleId, f._count._all])),
    dismissals: groupBy(dismissals, (d) => d.articleId),
    confirmed: new Set(confirmed.map((c) => c.articleId)),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const mean = (xs: number[]) => (xs.length ? round(sum(xs) / xs.length) : null);
const per1000 = (n: number, words: number) => (words > 0 ? round((n / words) * 1000) : 0);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** A stable 32-bit seed from a string (FNV-1a): the same week shows the same band. */
function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
// Six decimals, as mqmScore rounds: per-article and per-engine figures compare equal.
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
