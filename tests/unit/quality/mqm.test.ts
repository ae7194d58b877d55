import { describe, expect, it } from "vitest";
import {
  DEFAULT_MQM_WEIGHTS,
  MQM_CATEGORIES,
  MQM_CATEGORY_NAMES,
  annotationPenalty,
  mqmCategorySchema,
  mqmScore,
  mqmSeveritySchema,
  parseCategory,
  type MqmWeights,
} from "@/lib/quality/mqm";

describe("MQM taxonomy", () => {
  it("lists the eight top-level categories with their subcategories", () => {
    expect(MQM_CATEGORIES.map((c) => c.top)).toEqual([
      "Accuracy",
      "Fluency",
      "Terminology",
      "Style",
      "Locale convention",
      "Non-translation",
      "Source issue",
      "Other",
    ]);
    expect(MQM_CATEGORY_NAMES).toContain("Fluency/Punctuation");
    expect(MQM_CATEGORY_NAMES).toContain("Accuracy/Untranslated");
  });

  it("has the standard Style, Terminology and Locale convention subtypes, bare tops still valid", () => {
    for (const name of [
      "Style/Awkward",
      "Style/Unidiomatic",
      "Terminology/Inappropriate for context",
      "Terminology/Inconsistent use",
      "Locale convention/Date format",
      "Locale convention/Currency format",
    ])
      expect(MQM_CATEGORY_NAMES).toContain(name);
    // Annotations stored before the subtypes existed keep parsing.
    expect(mqmCategorySchema.parse("style")).toBe("Style");
    expect(mqmCategorySchema.parse("style/awkward")).toBe("Style/Awkward");
  });

  it("parses Top and Top/Sub case-insensitively into canonical spelling", () => {
    expect(parseCategory("accuracy/mistranslation")).toEqual({
      top: "Accuracy",
      sub: "Mistranslation",
    });
    expect(parseCategory(" FLUENCY / punctuation ")).toEqual({
      top: "Fluency",
      sub: "Punctuation",
    });
    expect(parseCategory("locale CONVENTION")).toEqual({
      top: "Locale convention",
      sub: null,
    });
    expect(parseCategory("non-translation")).toEqual({
      top: "Non-translation",
      sub: null,
    });
  });

  it("rejects unknown categories and subcategories under the wrong parent", () => {
    expect(parseCategory("Accuracy/Spelling")).toBeNull();
    expect(parseCategory("Vibes")).toBeNull();
    expect(parseCategory("Style/Register")).toBeNull();
    expect(parseCategory("Accuracy/Omission/Extra")).toBeNull();
    expect(parseCategory("")).toBeNull();
  });

  it("validates categories with zod, outputting canonical spelling", () => {
    expect(mqmCategorySchema.parse("fluency/grammar")).toBe("Fluency/Grammar");
    const result = mqmCategorySchema.safeParse("Accuracy/Typo");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Unknown MQM category "Accuracy\/Typo"/);
    expect(result.error?.issues[0]?.message).toContain("Accuracy/Omission");
  });

  it("validates severities", () => {
    expect(mqmSeveritySchema.parse("major")).toBe("major");
    expect(mqmSeveritySchema.safeParse("blocker").success).toBe(false);
  });
});

describe("annotationPenalty", () => {
  it("uses the Freitag et al. (2021) weights", () => {
    expect(
      annotationPenalty({
        category: "Accuracy/Mistranslation",
        severity: "major",
      }),
    ).toBe(5);
    expect(
      annotationPenalty({
        category: "Accuracy/Mistranslation",
        severity: "minor",
      }),
    ).toBe(1);
    expect(annotationPenalty({ category: "Style", severity: "neutral" })).toBe(0);
    expect(
      annotationPenalty({
        category: "Accuracy/Omission",
        severity: "critical",
      }),
    ).toBe(25);
  });

  it("weights minor Fluency/Punctuation at 0.1 but major punctuation normally", () => {
    expect(annotationPenalty({ category: "Fluency/Punctuation", severity: "minor" })).toBe(0.1);
    expect(annotationPenalty({ category: "fluency/punctuation", severity: "major" })).toBe(5);
    expect(annotationPenalty({ category: "Fluency/Spelling", severity: "minor" })).toBe(1);
  });

  it("weights Non-translation at 25 for any severity except neutral", () => {
    expect(annotationPenalty({ category: "Non-translation", severity: "minor" })).toBe(25);
    expect(annotationPenalty({ category: "Non-translation", severity: "major" })).toBe(25);
    expect(annotationPenalty({ category: "Non-translation", severity: "neutral" })).toBe(0);
  });

  it("accepts upper-case severities as stored in the database", () => {
    expect(annotationPenalty({ category: "Terminology", severity: "MAJOR" })).toBe(5);
  });

  it("honours custom weights", () => {
    const weights: MqmWeights = {
      severity: { neutral: 0, minor: 2, major: 10, critical: 50 },
      nonTranslation: 40,
      minorPunctuation: 0.5,
    };
    expect(annotationPenalty({ category: "Style", severity: "minor" }, weights)).toBe(2);
    expect(annotationPenalty({ category: "Fluency/Punctuation", severity: "minor" }, weights)).toBe(
      0.5,
    );
    expect(annotationPenalty({ category: "Non-translation", severity: "major" }, weights)).toBe(40);
  });
});

describe("mqmScore", () => {
  it("sums penalties and normalises per 1000 words", () => {
    const score = mqmScore(
      [
        { category: "Accuracy/Mistranslation", severity: "major" },
        { category: "Fluency/Grammar", severity: "minor" },
        { category: "Fluency/Punctuation", severity: "minor" },
        { category: "Fluency/Punctuation", severity: "minor" },
        { category: "Fluency/Punctuation", severity: "minor" },
      ],
      200,
    );
    expect(score.penalty).toBe(6.3);
    expect(score.per1000Words).toBe(31.5);
    expect(score.count).toBe(5);
    expect(score.byCategory).toEqual({ Accuracy: 5, Fluency: 1.3 });
    expect(score.bySeverity).toEqual({ major: 5, minor: 1.3 });
  });

  it("counts a non-translation as 25 points", () => {
    const score = mqmScore([{ category: "Non-translation", severity: "major" }], 500);
    expect(score.penalty).toBe(25);
    expect(score.per1000Words).toBe(50);
  });

  it("leaves out rejected annotations but keeps open and resolved ones", () => {
    const score = mqmScore(
      [
        {
          category: "Accuracy/Omission",
          severity: "major",
          status: "REJECTED",
        },
        {
          category: "Accuracy/Omission",
          severity: "major",
          status: "RESOLVED",
        },
        { category: "Style", severity: "minor", status: "OPEN" },
      ],
      1000,
    );
    expect(score.penalty).toBe(6);
    expect(score.count).toBe(2);
  });

  it("returns zeros for no annotations and avoids dividing by zero words", () => {
    expect(mqmScore([], 300)).toEqual({
      penalty: 0,
      per1000Words: 0,
      count: 0,
      byCategory: {},
      bySeverity: {},
    });
    expect(mqmScore([{ category: "Style", severity: "major" }], 0).per1000Words).toBe(0);
  });

  it("uses custom weights when given", () => {
    const weights: MqmWeights = {
      ...DEFAULT_MQM_WEIGHTS,
      severity: { ...DEFAULT_MQM_WEIGHTS.severity, major: 3 },
    };
    expect(mqmScore([{ category: "Style", severity: "major" }], 100, weights).penalty).toBe(3);
  });
});
