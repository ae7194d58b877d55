import { describe, expect, it } from "vitest";
import { evalArticleSchema, evalCheckContext, labelRange } from "@/lib/quality/eval";
import { loadEvalArticles } from "@/lib/quality/eval-fixtures";

const articles = loadEvalArticles();

describe("QA evaluation fixtures", () => {
  it("has at least 30 articles, 8 of them error-free, across every topic", () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    expect(articles.filter((a) => a.labels.length === 0).length).toBeGreaterThanOrEqual(8);
    expect(new Set(articles.map((a) => a.topic))).toEqual(
      new Set([
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
    );
  });

  it.each(articles.map((a) => [a.id, a] as const))(
    "%s: every label points at a segment and its exact MT text",
    (_id, article) => {
      const { segments } = evalCheckContext(article);
      for (const label of article.labels) {
        const segment = segments[label.segmentIndex];
        expect(segment, `segment ${label.segmentIndex}`).toBeDefined();
        const text = segment?.text ?? "";
        const range = labelRange(label, text);
        expect(range === null ? null : text.slice(...range)).toBe(label.mtSpan);
      }
    },
  );

  it("rejects a label with an unknown check or a stray field", () => {
    const valid = articles[0];
    expect(valid).toBeDefined();
    const withLabel = (label: object) => ({ ...valid, labels: [label] });
    expect(evalArticleSchema.safeParse(valid).success).toBe(true);
    expect(
      evalArticleSchema.safeParse(withLabel({ segmentIndex: 1, check: "spelling", mtSpan: "x" }))
        .success,
    ).toBe(false);
    expect(
      evalArticleSchema.safeParse(
        withLabel({ segmentIndex: 1, check: "none", mtSpan: null, span: [0, 1] }),
      ).success,
    ).toBe(false);
    expect(evalArticleSchema.safeParse({ ...valid, mt: "Body", segments: undefined }).success).toBe(
      true,
    );
    expect(evalArticleSchema.safeParse({ ...valid, engine: undefined }).success).toBe(false);
  });
});
