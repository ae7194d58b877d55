import { describe, it, expect } from "vitest";
import {
  DEFAULT_FOOTER_PATTERNS,
  extractFooter,
  isAiFooter,
  parseFooterPatterns,
} from "@/lib/ingest/footer";

const FOOTER = "※ This article has been translated by AI. Share your feedback here.";

describe("isAiFooter", () => {
  it.each([
    FOOTER,
    "This article has been translated by AI. Share your feedback here.",
    "※  this   article has been TRANSLATED by ai.\n  share your feedback here.  ",
    "* This article was translated by AI",
    "This article has been translated using AI.",
    "[This article was translated by an AI translator.]",
    "※ 이 기사는 AI로 번역되었습니다.",
    "본 기사는 인공지능(AI)을 활용해 번역했습니다.",
  ])("detects %j", (paragraph) => {
    expect(isAiFooter(paragraph)).toBe(true);
  });

  it.each([
    "The ministry said AI translated the article overnight.",
    "This article has been translated by AI. The president met reporters on Tuesday.",
    "Officials asked whether this article was translated by AI systems used by the agency.",
    "이 기사는 대통령의 발언을 번역했습니다.",
  ])("ignores %j", (paragraph) => {
    expect(isAiFooter(paragraph)).toBe(false);
  });

  it("uses the patterns it is given", () => {
    expect(isAiFooter("Machine translated.", [/^machine translated\.$/i])).toBe(true);
    expect(isAiFooter(FOOTER, [/^machine translated\.$/i])).toBe(false);
  });

  it("is not thrown off by stateful global patterns", () => {
    const patterns = [/translated by AI/gi];
    expect(isAiFooter(FOOTER, patterns)).toBe(true);
    expect(isAiFooter(FOOTER, patterns)).toBe(true);
  });
});

describe("parseFooterPatterns", () => {
  it("falls back to the defaults when unset or blank", () => {
    expect(parseFooterPatterns(undefined)).toBe(DEFAULT_FOOTER_PATTERNS);
    expect(parseFooterPatterns("  ")).toBe(DEFAULT_FOOTER_PATTERNS);
  });

  it("splits on || and compiles case-insensitive patterns", () => {
    const patterns = parseFooterPatterns("^Translated by .+$ || ^Machine translation\\.$||");
    expect(patterns.map((p) => p.source)).toEqual([
      "^Translated by .+$",
      "^Machine translation\\.$",
    ]);
    expect(isAiFooter("translated by  ROBOTS", patterns)).toBe(true);
  });

  it("names the invalid pattern in the error", () => {
    expect(() => parseFooterPatterns("^ok$||(unclosed")).toThrow(/\(unclosed/);
  });
});

describe("extractFooter", () => {
  it("removes a trailing footer paragraph", () => {
    expect(extractFooter(["Body one.", "Body two.", FOOTER])).toEqual({
      body: ["Body one.", "Body two."],
      footer: FOOTER,
    });
  });

  it("leaves a footer-like paragraph in the middle alone", () => {
    const paragraphs = ["Body one.", FOOTER, "Body two."];
    expect(extractFooter(paragraphs)).toEqual({ body: paragraphs, footer: null });
  });

  it("handles an empty list", () => {
    expect(extractFooter([])).toEqual({ body: [], footer: null });
  });
});
