import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/quality/eval";
import { loadEvalArticles } from "@/lib/quality/eval-fixtures";
import { rankArticles } from "@/lib/quality/eval";
import { riskScorer } from "@/lib/quality/eval-scorers";
import { scoreRisk } from "@/lib/quality/risk";

const CLEAN = ["Seoul shares rose on Monday as investors bought chip makers."];

describe("scoreRisk", () => {
  it("ranks an article with open warnings above the same article without", () => {
    const calm = scoreRisk({ warnings: [], texts: CLEAN });
    const warned = scoreRisk({ warnings: [{ check: "number-mismatch" }], texts: CLEAN });
    expect(warned.score).toBeGreaterThan(calm.score);
    expect(warned.reasons[0]).toMatchObject({ factor: "warnings", points: 3 });
    expect(warned.reasons[0]!.message).toBe("1 open QA warning (1 number-mismatch)");
  });

  it("weighs a wrong figure above a stray punctuation mark", () => {
    const figure = scoreRisk({ warnings: [{ check: "number-mismatch" }], texts: CLEAN });
    const quote = scoreRisk({ warnings: [{ check: "punctuation" }], texts: CLEAN });
    expect(figure.score).toBeGreaterThan(quote.score);
  });

  it("adds the engine's history as reasons, capped", () => {
    const poor = scoreRisk({
      warnings: [],
      texts: CLEAN,
      engine: { mqmPer1000Words: 1000, reportRate: 50, editedShare: 0.9 },
    });
    const factors = poor.reasons.map((r) => r.factor);
    expect(factors).toEqual(
      expect.arrayContaining(["engine-mqm", "engine-reports", "engine-edits"]),
    );
    expect(poor.reasons.find((r) => r.factor === "engine-mqm")!.points).toBe(1.5);
    expect(poor.reasons.find((r) => r.factor === "engine-reports")!.points).toBe(1);
    const good = scoreRisk({
      warnings: [],
      texts: CLEAN,
      engine: { mqmPer1000Words: 2, reportRate: 0, editedShare: 0.05 },
    });
    expect(good.reasons.filter((r) => r.factor.startsWith("engine"))).toEqual([]);
    expect(poor.score).toBeGreaterThan(good.score);
  });

  it("counts dense figures and names, and stays within 0–100", () => {
    const dense = scoreRisk({
      warnings: Array.from({ length: 40 }, () => ({ check: "rule" })),
      texts: [
        "Kim Jong-un met Putin and Xi on 3, 4, 5, 6 and 7 May 2026 with 12 aides in Pyongyang.",
      ],
    });
    expect(dense.reasons.map((r) => r.factor)).toEqual(
      expect.arrayContaining(["figures", "names", "warnings"]),
    );
    expect(dense.score).toBeLessThanOrEqual(100);
    expect(scoreRisk({ warnings: [], texts: [] }).score).toBe(0);
  });

  it("orders the reasons largest first", () => {
    const r = scoreRisk({
      warnings: [{ check: "punctuation" }, { check: "number-mismatch" }],
      texts: CLEAN,
      engine: { mqmPer1000Words: 30, reportRate: null, editedShare: null },
    });
    const points = r.reasons.map((x) => x.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });
});

describe("the risk score on the evaluation set (issue 16 target)", () => {
  it("ranks articles with labelled errors above error-free ones: ROC AUC ≥ 0.8", () => {
    const articles = loadEvalArticles();
    const report = evaluate(articles);
    const { auc } = rankArticles(articles, report.results, riskScorer);
    expect(auc).toBeGreaterThanOrEqual(0.8);
  });
});
