// Article-level scorers of the evaluation (issue 16), reported as ROC AUC by `npm run eval:qa`
// and held to its target by tests/unit/quality/eval/risk-auc.test.ts. The warning count is
// the baseline; the risk score is what the queue sorts by ("Riskiest first").

import type { ArticleScorer } from "./eval";
import { scoreRisk } from "./risk";

/**
 * The product's risk score on an evaluation article. The evaluation set has no engine history
 * (every article comes from one made-up engine), so only warnings, density and length count.
 */
export const riskScorer: ArticleScorer = {
  name: "risk score (queue: riskiest first)",
  score: (_article, result) =>
    scoreRisk({
      warnings: result.warnings,
      texts: result.context.segments.map((s) => s.text),
      engine: null,
    }).score,
};

export const SCORERS: ArticleScorer[] = [
  { name: "QA warning count (baseline)", score: (_article, result) => result.warnings.length },
  riskScorer,
];
