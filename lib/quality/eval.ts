// Scores the QA checks against hand-labelled articles (tests/fixtures/qa-eval, issue 16).
//
// An evaluation article is an ingest payload (lib/ingest/schema.ts) plus the errors planted in
// its MT. Each article goes through the same pure steps as the product: buildSegments (ingest)
// and runChecks (what GET /articles/:id/checks shows). A warning matches a label when it has the
// same check, the same segment and an overlapping span; that is the only notion of "caught".
//
// Labels with check "none" are real errors no rule can catch (kinship terms, tense, omissions).
// They are counted apart so they neither inflate nor depress the rule scores, and they still
// count as "this article has an error" for article-level ranking scores (see ArticleScorer).

import { z } from "zod";
import { ingestArticleSchema } from "@/lib/ingest/schema";
import { buildSegments } from "@/lib/ingest/segments";
import { CHECK_IDS, runChecks, type CheckContext, type CheckId, type Warning } from "./checks";

export const evalLabelSchema = z
  .object({
    segmentIndex: z.number().int().min(0),
    check: z.enum([...CHECK_IDS, "none"]),
    /** Exact MT text of the error; null when nothing in the MT marks it (a dropped passage). */
    mtSpan: z.string().min(1).nullable(),
    /** Which occurrence of mtSpan in the segment, from 0, when it occurs more than once. */
    occurrence: z.number().int().min(0).optional(),
    note: z.string().optional(),
  })
  .strict();

const evalExtrasSchema = z.object({
  id: z.string().regex(/^[\w-]+$/),
  topic: z.enum([
    "politics",
    "economy",
    "sports",
    "culture",
    "local",
    "north-korea",
    "earnings",
    "weather",
    "photo-captions",
  ]),
  /** The newsroom glossary in force for this article (the product loads it per language pair). */
  glossary: z.array(z.object({ source: z.string().min(1), target: z.string().min(1) })).optional(),
  labels: z.array(evalLabelSchema),
});

/** One fixture file: the ingest payload plus id, topic, optional glossary and labels. */
export const evalArticleSchema = z.intersection(evalExtrasSchema, ingestArticleSchema);

export type EvalLabel = z.infer<typeof evalLabelSchema>;
export type EvalArticle = z.infer<typeof evalArticleSchema>;

/** The check context the product would build for this article right after ingest. */
export function evalCheckContext(article: EvalArticle): CheckContext {
  const { segments } = buildSegments(article);
  return {
    sourceLang: article.sourceLang,
    targetLang: article.targetLang,
    segments: segments.map((s, index) => ({ index, source: s.source, text: s.mt, kind: s.kind })),
    glossary: article.glossary ?? [],
  };
}

/** [start, end) of the label in its segment's MT, or null when the label has no span. */
export function labelRange(label: EvalLabel, text: string): [number, number] | null {
  if (label.mtSpan === null) return null;
  let from = -1;
  for (let n = 0; n <= (label.occurrence ?? 0); n++) {
    from = text.indexOf(label.mtSpan, from + 1);
    if (from === -1) throw new Error(`"${label.mtSpan}" does not occur ${n + 1}× in "${text}"`);
  }
  return [from, from + label.mtSpan.length];
}

/**
 * Same check, same segment, overlapping spans. A warning without a position ("a figure is
 * missing") or a label without a span (a dropped figure) covers the whole segment.
 */
export function warningMatchesLabel(w: Warning, label: EvalLabel, text: string): boolean {
  if (label.check !== w.check || label.segmentIndex !== w.segmentIndex) return false;
  const range = labelRange(label, text);
  if (range === null || w.start === undefined || w.end === undefined) return true;
  return w.start < range[1] && range[0] < w.end;
}

export interface ArticleResult {
  id: string;
  context: CheckContext;
  warnings: Warning[];
  labels: EvalLabel[];
  /** Per warning: whether it matched a label. */
  warningHits: boolean[];
  /** Per label: whether a warning matched it ("none" labels: whether any warning overlaps). */
  labelHits: boolean[];
}

export function evaluateArticle(article: EvalArticle): ArticleResult {
  const context = evalCheckContext(article);
  const warnings = runChecks(context);
  const textOf = (index: number) => context.segments[index]?.text ?? "";
  const overlapsAnyCheck = (w: Warning, label: EvalLabel) =>
    // Evaluation contexts carry no custom rules or approved names, so w.check is a built-in id.
    warningMatchesLabel(
      w,
      { ...label, check: w.check as EvalLabel["check"] },
      textOf(label.segmentIndex),
    );
  return {
    id: article.id,
    context,
    warnings,
    labels: article.labels,
    warningHits: warnings.map((w) =>
      article.labels.some((l) => warningMatchesLabel(w, l, textOf(l.segmentIndex))),
    ),
    labelHits: article.labels.map((l) =>
      l.check === "none"
        ? warnings.some((w) => overlapsAnyCheck(w, l))
        : warnings.some((w) => warningMatchesLabel(w, l, textOf(l.segmentIndex))),
    ),
  };
}

export interface Score {
  labels: number;
  caught: number;
  warnings: number;
  correct: number;
  /** correct / warnings; 1 when there are no warnings (nothing was claimed). */
  precision: number;
  /** caught / labels; 1 when there are no labels. */
  recall: number;
}

export interface EvalReport {
  articles: number;
  errorFreeArticles: number;
  byCheck: Record<CheckId, Score>;
  overall: Score;
  /** "none" labels: how many there are and how many a warning of any check happened to overlap. */
  unruled: { labels: number; overlapped: number };
  results: ArticleResult[];
}

function score(labels: number, caught: number, warnings: number, correct: number): Score {
  return {
    labels,
    caught,
    warnings,
    correct,
    precision: warnings === 0 ? 1 : correct / warnings,
    recall: labels === 0 ? 1 : caught / labels,
  };
}

export function evaluate(articles: readonly EvalArticle[]): EvalReport {
  const results = articles.map(evaluateArticle);
  const tally = (check: CheckId) => {
    let labels = 0;
    let caught = 0;
    let warnings = 0;
    let correct = 0;
    for (const r of results) {
      r.labels.forEach((l, i) => {
        if (l.check !== check) return;
        labels++;
        if (r.labelHits[i]) caught++;
      });
      r.warnings.forEach((w, i) => {
        if (w.check !== check) return;
        warnings++;
        if (r.warningHits[i]) correct++;
      });
    }
    return score(labels, caught, warnings, correct);
  };
  const byCheck = Object.fromEntries(CHECK_IDS.map((id) => [id, tally(id)])) as Record<
    CheckId,
    Score
  >;
  const sum = (key: "labels" | "caught" | "warnings" | "correct") =>
    CHECK_IDS.reduce((total, id) => total + byCheck[id][key], 0);
  const unruled = results.flatMap((r) => r.labels.map((l, i) => ({ l, hit: r.labelHits[i] })));
  return {
    articles: articles.length,
    errorFreeArticles: articles.filter((a) => a.labels.length === 0).length,
    byCheck,
    overall: score(sum("labels"), sum("caught"), sum("warnings"), sum("correct")),
    unruled: {
      labels: unruled.filter((u) => u.l.check === "none").length,
      overlapped: unruled.filter((u) => u.l.check === "none" && u.hit).length,
    },
    results,
  };
}

// ---------------------------------------------------------------------------------------
// Article-level ranking. A scorer gives each article a number (higher = more likely to hold
// an error); the evaluation reports how well it separates labelled articles (any label,
// "none" included) from error-free ones as ROC AUC. The risk score of issue 16 plugs in here.

export interface ArticleScorer {
  name: string;
  score: (article: EvalArticle, result: ArticleResult) => number;
}

export interface RankingScore {
  name: string;
  auc: number;
}

/**
 * ROC AUC by the Mann–Whitney statistic: the share of (positive, negative) pairs the scores
 * order correctly, ties counting one half. NaN when either class is empty.
 */
export function rocAuc(items: readonly { score: number; positive: boolean }[]): number {
  const positives = items.filter((i) => i.positive);
  const negatives = items.filter((i) => !i.positive);
  if (positives.length === 0 || negatives.length === 0) return NaN;
  let wins = 0;
  for (const p of positives) {
    for (const n of negatives) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
  }
  return wins / (positives.length * negatives.length);
}

export function rankArticles(
  articles: readonly EvalArticle[],
  results: readonly ArticleResult[],
  scorer: ArticleScorer,
): RankingScore {
  const items = articles.map((article, i) => {
    const result = results[i];
    if (!result || result.id !== article.id) throw new Error("results must follow the articles");
    return { score: scorer.score(article, result), positive: article.labels.length > 0 };
  });
  return { name: scorer.name, auc: rocAuc(items) };
}

// ---------------------------------------------------------------------------------------
// Report as a Markdown table (docs/quality.md and the console).

const percent = (x: number) => x.toFixed(2);

export function reportTable(report: EvalReport, rankings: readonly RankingScore[] = []): string {
  const row = (name: string, s: Score) =>
    `| ${name} | ${s.labels} | ${s.caught} | ${s.warnings} | ${s.correct} | ${percent(s.precision)} | ${percent(s.recall)} |`;
  const lines = [
    `${report.articles} articles (${report.errorFreeArticles} error-free), ` +
      `${report.overall.labels} rule-checkable errors, ${report.unruled.labels} errors no rule can catch ` +
      `(\`none\`; a warning happened to overlap ${report.unruled.overlapped}).`,
    "",
    "| check | errors | caught | warnings | correct | precision | recall |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...CHECK_IDS.map((id) => row(`\`${id}\``, report.byCheck[id])),
    row("**overall**", report.overall),
  ];
  if (rankings.length > 0) {
    lines.push("", "| article ranking | ROC AUC |", "| --- | ---: |");
    for (const r of rankings) lines.push(`| ${r.name} | ${percent(r.auc)} |`);
  }
  return lines.join("\n");
}

export const REPORT_START = "<!-- qa-eval:start -->";
export const REPORT_END = "<!-- qa-eval:end -->";

/** The document with the text between the qa-eval markers replaced; throws without markers. */
export function replaceReport(doc: string, table: string): string {
  const from = doc.indexOf(REPORT_START);
  const to = doc.indexOf(REPORT_END);
  if (from === -1 || to < from) {
    throw new Error(`the document lacks the ${REPORT_START} … ${REPORT_END} markers`);
  }
  return `${doc.slice(0, from + REPORT_START.length)}\n\n${table}\n\n${doc.slice(to)}`;
}
