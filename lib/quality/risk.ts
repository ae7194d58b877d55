// Article risk: how likely an article is to still hold an error, so the queue can put the
// riskiest first (issue 16). Pure: the caller gathers the inputs (lib/server/risk.ts in the
// product, the evaluation set in scripts/eval-qa.ts) and this turns them into a score with the
// reasons behind it.
//
// The score is a sum of points, one term per factor, squashed to 0–100 so that scores stay
// comparable as factors are added. Open QA warnings dominate: on the evaluation set they are by
// far the best single signal (see docs/quality.md). The other factors break ties among articles
// without warnings: an engine whose articles needed many fixes, dense figures and names (where
// MT errs most) and length (more text, more chances to err).

export interface RiskEngineHistory {
  /** MQM penalty points per 1,000 words of the engine's reviewed articles; null when unknown. */
  mqmPer1000Words: number | null;
  /** Reader reports per article of the engine. */
  reportRate: number | null;
  /** Share (0–1) of the segments of the engine's reviewed articles that reviewers edited. */
  editedShare: number | null;
}

export interface RiskInput {
  /** Open (not dismissed) QA warnings, by check id ("rule" for custom rules). */
  warnings: readonly { check: string }[];
  /** Target text of the article's segments (current text). */
  texts: readonly string[];
  engine?: RiskEngineHistory | null;
}

export interface RiskReason {
  factor:
    "warnings" | "engine-mqm" | "engine-reports" | "engine-edits" | "figures" | "names" | "length";
  /** Points this factor added before squashing. */
  points: number;
  message: string;
}

export interface Risk {
  /** 0–100, higher = more likely to hold an error. */
  score: number;
  /** The factors that added points, largest first. */
  reasons: RiskReason[];
}

/** Points per open warning of each check: a wrong figure matters more than a stray quote. */
const WARNING_POINTS: Record<string, number> = {
  "number-mismatch": 3,
  "name-inconsistency": 2.5,
  glossary: 2,
  untranslated: 2,
  rule: 2,
  literalism: 1.5,
  punctuation: 1,
};
const DEFAULT_WARNING_POINTS = 1.5;

/** Points at which the score reaches 50 (of 100). */
const HALF_POINTS = 4;

const FIGURE = /\d+(?:[.,]\d+)*/g;

/** Capitalised words that do not start a sentence: a crude but language-free name signal. */
function nameWords(text: string): number {
  let n = 0;
  for (const line of text.split("\n")) {
    const ws = line.split(/\s+/).filter(Boolean);
    for (let i = 1; i < ws.length; i++) {
      if (/^\p{Lu}\p{Ll}/u.test(ws[i]!) && !/[.!?:"”]$/.test(ws[i - 1]!)) n++;
    }
  }
  return n;
}

const words = (t: string) => t.match(/\S+/g)?.length ?? 0;
const round1 = (x: number) => Math.round(x * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function scoreRisk(input: RiskInput): Risk {
  const reasons: RiskReason[] = [];
  const add = (factor: RiskReason["factor"], points: number, message: string) => {
    if (round1(points) > 0) reasons.push({ factor, points: round1(points), message });
  };

  const byCheck = new Map<string, number>();
  for (const w of input.warnings) byCheck.set(w.check, (byCheck.get(w.check) ?? 0) + 1);
  let warningPoints = 0;
  for (const [check, n] of byCheck)
    warningPoints += n * (WARNING_POINTS[check] ?? DEFAULT_WARNING_POINTS);
  const listed = [...byCheck].map(([check, n]) => `${n} ${check}`).join(", ");
  add("warnings", warningPoints, `${plural(input.warnings.length, "open QA warning")} (${listed})`);

  const e = input.engine;
  if (e?.mqmPer1000Words != null) {
    // 25 penalty points per 1,000 words is a poor engine; below 5 is noise.
    add(
      "engine-mqm",
      Math.min(Math.max(e.mqmPer1000Words - 5, 0) / 20, 1.5),
      `engine history: MQM ${round1(e.mqmPer1000Words)} per 1,000 words`,
    );
  }
  if (e?.reportRate != null) {
    add(
      "engine-reports",
      Math.min(e.reportRate / 2, 1),
      `engine history: ${round1(e.reportRate)} reader reports per article`,
    );
  }
  if (e?.editedShare != null) {
    add(
      "engine-edits",
      Math.min(Math.max(e.editedShare - 0.1, 0) * 2, 1.5),
      `engine history: ${Math.round(e.editedShare * 100)}% of segments edited`,
    );
  }

  const text = input.texts.join("\n");
  const total = Math.max(words(text), 1);
  const figures = text.match(FIGURE)?.length ?? 0;
  const names = nameWords(text);
  const per100 = (n: number) => (n / total) * 100;
  // A wire story runs at 3–5 figures per 100 words; past that the risk of a slip grows.
  add(
    "figures",
    Math.min(Math.max(per100(figures) - 4, 0) * 0.1, 0.8),
    `${plural(figures, "figure")} (${round1(per100(figures))} per 100 words)`,
  );
  add(
    "names",
    Math.min(Math.max(per100(names) - 8, 0) * 0.05, 0.6),
    `${plural(names, "capitalised name word")} (${round1(per100(names))} per 100 words)`,
  );
  add("length", Math.min(total / 1000, 0.5), `${plural(total, "word")}`);

  const points = reasons.reduce((sum, r) => sum + r.points, 0);
  const score = round1((100 * points) / (points + HALF_POINTS));
  return { score, reasons: reasons.sort((a, b) => b.points - a.points) };
}
