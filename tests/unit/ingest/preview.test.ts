import { describe, expect, it } from "vitest";
import { NDJSON_TEMPLATE, previewIngest } from "@/lib/ingest/preview";
import { ingestArticleSchema } from "@/lib/ingest/schema";

describe("the paste preview", () => {
  it("pairs paragraphs and finds captions and the AI footer", () => {
    const res = previewIngest({
      titleMt: "A headline",
      titleSource: "제목",
      source: "첫 문단.\n\n사진=연합뉴스\n\n둘째 문단.",
      mt: "First paragraph.\n\nPhoto=Yonhap News\n\nSecond paragraph.\n\n※ This article has been translated by AI. Share your feedback here.",
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.segments.map((s) => [s.kind, s.source, s.mt])).toEqual([
      ["TITLE", "제목", "A headline"],
      ["PARAGRAPH", "첫 문단.", "First paragraph."],
      ["CAPTION", "사진=연합뉴스", "Photo=Yonhap News"],
      ["PARAGRAPH", "둘째 문단.", "Second paragraph."],
    ]);
    expect(res.captions).toBe(1);
    expect(res.footer).toMatch(/translated by AI/);
  });

  it("takes MT alone", () => {
    const res = previewIngest({ titleMt: "T", mt: "One.\n\nTwo." });
    expect(res).toMatchObject({ ok: true, footer: null });
  });

  it("says when the paragraphs do not pair", () => {
    expect(previewIngest({ titleMt: "T", source: "하나.\n\n둘.", mt: "One." })).toEqual({
      ok: false,
      message:
        "The source has 2 paragraphs and the MT 1: they must pair one to one (separate paragraphs with a blank line)",
      sourceParagraphs: 2,
      mtParagraphs: 1,
    });
    expect(previewIngest({ titleMt: " ", mt: "x" })).toMatchObject({ ok: false });
  });

  it("offers a template whose every line is a valid article", () => {
    const lines = NDJSON_TEMPLATE.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(ingestArticleSchema.safeParse(JSON.parse(line)).success).toBe(true);
    }
  });
});
