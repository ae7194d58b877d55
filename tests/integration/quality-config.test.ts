import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env, resetEnvCache } from "@/lib/env";
import { createAnnotation } from "@/lib/server/annotations";
import { getArticleWarnings } from "@/lib/server/checks";
import { getArticleQuality } from "@/lib/server/quality-scores";
import { seedDemo } from "@/lib/server/seed";
import { makeArticle, makeUser } from "./factories";

const KEYS = ["GALLEY_MQM_WEIGHTS", "GALLEY_LITERALISM_PATTERNS"] as const;

afterEach(() => {
  for (const k of KEYS) delete process.env[k];
  resetEnvCache();
});

describe("quality configuration", () => {
  it("GALLEY_MQM_WEIGHTS replaces the default weights", async () => {
    const weights = {
      severity: { neutral: 0, minor: 2, major: 10, critical: 50 },
      nonTranslation: 30,
      minorPunctuation: 0.5,
    };
    process.env.GALLEY_MQM_WEIGHTS = JSON.stringify(weights);
    resetEnvCache();
    const reviewer = await makeUser("REVIEWER");
    const article = await makeArticle(reviewer);
    const span = { articleId: article.id, segmentIndex: 1, start: 0, end: 4 };
    await createAnnotation({ ...span, category: "Accuracy", severity: "major" }, reviewer);
    await createAnnotation(
      { ...span, category: "Fluency/Punctuation", severity: "minor" },
      reviewer,
    );
    const q = await getArticleQuality(article.id);
    expect(q.mqm.weights).toEqual(weights);
    expect(q.mqm.penalty).toBe(10.5);
  });

  it("refuses malformed weights, naming the variable", () => {
    process.env.GALLEY_MQM_WEIGHTS = '{"severity":{"minor":1}}';
    resetEnvCache();
    expect(() => env()).toThrow(/GALLEY_MQM_WEIGHTS/);
    process.env.GALLEY_MQM_WEIGHTS = "not json";
    resetEnvCache();
    expect(() => env()).toThrow(/GALLEY_MQM_WEIGHTS: must be valid JSON/);
  });

  it("GALLEY_LITERALISM_PATTERNS adds literalism warnings", async () => {
    process.env.GALLEY_LITERALISM_PATTERNS = JSON.stringify([
      { pattern: "\\bfirst paragraph\\b", flags: "i", message: "Say what the paragraph is about." },
    ]);
    resetEnvCache();
    const article = await makeArticle(await makeUser("EDITOR"));
    const found = (await getArticleWarnings(article.id)).filter((w) => w.check === "literalism");
    expect(found).toEqual([
      expect.objectContaining({
        segmentIndex: 1,
        message: "Say what the paragraph is about.",
        start: 12,
        end: 27,
      }),
    ]);
    process.env.GALLEY_LITERALISM_PATTERNS = '[{"pattern":"(","message":"x"}]';
    resetEnvCache();
    expect(() => env()).toThrow(/GALLEY_LITERALISM_PATTERNS/);
  });
});

describe("demo seed", () => {
  it("annotates articles of both demo engines, once", async () => {
    await seedDemo();
    await seedDemo();
    const counts = await db().annotation.groupBy({
      by: ["articleId"],
      where: { article: { externalId: { in: ["demo-2026-1101", "demo-2026-1102"] } } },
      _count: { _all: true },
    });
    expect(counts.map((c) => c._count._all).sort()).toEqual([4, 4]);
    const lumen = await db().article.findFirstOrThrow({ where: { externalId: "demo-2026-1102" } });
    expect((await getArticleQuality(lumen.id)).mqm.penalty).toBe(16);
  });
});
