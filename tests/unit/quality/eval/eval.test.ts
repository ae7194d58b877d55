import { describe, expect, it } from "vitest";
import type { Warning } from "@/lib/quality/checks";
import {
  evaluate,
  rankArticles,
  replaceReport,
  reportTable,
  rocAuc,
  warningMatchesLabel,
  type EvalArticle,
  type EvalLabel,
} from "@/lib/quality/eval";
import { loadEvalArticles } from "@/lib/quality/eval-fixtures";

const warning = (w: Partial<Warning>): Warning => ({
  segmentIndex: 1,
  check: "number-mismatch",
  message: "m",
  ...w,
});
const label = (l: Partial<EvalLabel>): EvalLabel => ({
  segmentIndex: 1,
  check: "number-mismatch",
  mtSpan: "21",
  ...l,
});
const TEXT = "In all, 21 people and 21 dogs were rescued.";

describe("warningMatchesLabel", () => {
  it("needs the same check, the same segment and overlapping spans", () => {
    expect(warningMatchesLabel(warning({ start: 8, end: 10 }), label({}), TEXT)).toBe(true);
    expect(warningMatchesLabel(warning({ start: 7, end: 9 }), label({}), TEXT)).toBe(true);
    expect(warningMatchesLabel(warning({ start: 10, end: 17 }), label({}), TEXT)).toBe(false);
    expect(
      warningMatchesLabel(warning({ start: 8, end: 10, check: "punctuation" }), label({}), TEXT),
    ).toBe(false);
    expect(
      warningMatchesLabel(warning({ start: 8, end: 10, segmentIndex: 2 }), label({}), TEXT),
    ).toBe(false);
  });

  it("picks a later occurrence of the span when asked", () => {
    const second = label({ occurrence: 1 });
    expect(warningMatchesLabel(warning({ start: 8, end: 10 }), second, TEXT)).toBe(false);
    expect(warningMatchesLabel(warning({ start: 22, end: 24 }), second, TEXT)).toBe(true);
  });

  it("lets an unlocated warning or a span-less label cover the whole segment", () => {
    expect(warningMatchesLabel(warning({}), label({}), TEXT)).toBe(true);
    expect(warningMatchesLabel(warning({ start: 0, end: 2 }), label({ mtSpan: null }), TEXT)).toBe(
      true,
    );
  });
});

describe("rocAuc", () => {
  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 for ties", () => {
    const perfect = [
      { score: 3, positive: true },
      { score: 2, positive: true },
      { score: 1, positive: false },
    ];
    expect(rocAuc(perfect)).toBe(1);
    expect(rocAuc(perfect.map((i) => ({ ...i, positive: !i.positive })))).toBe(0);
    expect(rocAuc(perfect.map((i) => ({ ...i, score: 0 })))).toBe(0.5);
    expect(rocAuc([{ score: 1, positive: true }])).toBeNaN();
  });
});

describe("evaluate", () => {
  const article = (id: string, mt: string, labels: EvalLabel[]): EvalArticle => ({
    id,
    topic: "economy",
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "test" },
    title: { mt: "Title" },
    segments: [{ source: "수출이 5.2% 늘었다.", mt }],
    labels,
  });

  it("counts caught errors, correct and false warnings, and keeps none labels apart", () => {
    const report = evaluate([
      article("wrong", "Exports rose 2.5%.", [
        label({ mtSpan: "2.5%" }),
        label({ check: "none", mtSpan: "rose" }),
      ]),
      article("missed", "Exports rose 5.2% , it said.", [
        label({ check: "literalism", mtSpan: "it" }),
      ]),
      article("clean", "Exports rose 5.2%.", []),
    ]);
    expect(report.byCheck["number-mismatch"]).toMatchObject({
      labels: 1,
      caught: 1,
      warnings: 1,
      correct: 1,
    });
    expect(report.byCheck.literalism).toMatchObject({ labels: 1, caught: 0, recall: 0 });
    expect(report.byCheck.punctuation).toMatchObject({ warnings: 1, correct: 0, precision: 0 });
    expect(report.overall).toMatchObject({ labels: 2, caught: 1, warnings: 2, correct: 1 });
    expect(report.unruled).toEqual({ labels: 1, overlapped: 0 });
    expect(report.errorFreeArticles).toBe(1);

    const ranking = rankArticles(
      [article("wrong", "", []), article("missed", "", []), article("clean", "", [])].map((a, i) =>
        i < 2 ? { ...a, labels: [label({})] } : a,
      ),
      report.results,
      { name: "warnings", score: (_a, r) => r.warnings.length },
    );
    expect(ranking).toEqual({ name: "warnings", auc: 1 });
    expect(reportTable(report, [ranking])).toContain(
      "| **overall** | 2 | 1 | 2 | 1 | 0.50 | 0.50 |",
    );
  });
});

describe("the checks on the evaluation set (issue 16 targets)", () => {
  const report = evaluate(loadEvalArticles());

  it("catch at least 85% of the rule-checkable errors", () => {
    expect(report.overall.labels).toBeGreaterThanOrEqual(30);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.85);
  });

  it("are right at least 90% of the time they warn", () => {
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe("replaceReport", () => {
  it("replaces only the text between the markers, again and again", () => {
    const doc = "# Quality\n\n<!-- qa-eval:start -->\nold\n<!-- qa-eval:end -->\n\nAfter.\n";
    const once = replaceReport(doc, "| new |");
    expect(once).toBe(
      "# Quality\n\n<!-- qa-eval:start -->\n\n| new |\n\n<!-- qa-eval:end -->\n\nAfter.\n",
    );
    expect(replaceReport(once, "| new |")).toBe(once);
  });

  it("refuses a document without both markers", () => {
    expect(() => replaceReport("# Quality\n<!-- qa-eval:end -->", "x")).toThrow(/markers/);
  });
});
