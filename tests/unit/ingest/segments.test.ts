import { describe, it, expect } from "vitest";
import { buildSegments, ParagraphCountMismatch } from "@/lib/ingest/segments";

const FOOTER = "※ This article has been translated by AI. Share your feedback here.";
const KO_FOOTER = "※ 이 기사는 AI로 번역되었습니다.";

describe("buildSegments from plain text", () => {
  it("makes the title segment 0 and pairs paragraphs, extracting both footers", () => {
    const result = buildSegments({
      title: { source: "대통령 기자회견", mt: " President holds press conference " },
      mt: `First paragraph.\r\n\r\nSecond paragraph\nwith a line break.\n\n${FOOTER}\n`,
      source: `첫 문단.\n\n둘째 문단\n줄바꿈 포함.\n\n${KO_FOOTER}`,
    });
    expect(result).toEqual({
      segments: [
        { kind: "TITLE", source: "대통령 기자회견", mt: "President holds press conference" },
        { kind: "PARAGRAPH", source: "첫 문단.", mt: "First paragraph." },
        {
          kind: "PARAGRAPH",
          source: "둘째 문단\n줄바꿈 포함.",
          mt: "Second paragraph\nwith a line break.",
        },
      ],
      footer: FOOTER,
    });
  });

  it("accepts a source without a footer when the MT has one", () => {
    const { segments, footer } = buildSegments({
      title: { mt: "Title" },
      mt: `One.\n\n${FOOTER}`,
      source: "하나.",
    });
    expect(segments.map((s) => s.source)).toEqual([null, "하나."]);
    expect(footer).toBe(FOOTER);
  });

  it("turns empty sources into null", () => {
    const { segments } = buildSegments({
      title: { source: "", mt: "Title" },
      mt: "A.\n\nB.",
      source: "",
    });
    expect(segments).toEqual([
      { kind: "TITLE", source: null, mt: "Title" },
      { kind: "PARAGRAPH", source: null, mt: "A." },
      { kind: "PARAGRAPH", source: null, mt: "B." },
    ]);
  });

  it("throws ParagraphCountMismatch naming both counts", () => {
    const build = () =>
      buildSegments({
        title: { mt: "T" },
        mt: `A.\n\nB.\n\n${FOOTER}`,
        source: "가.\n\n나.\n\n다.",
      });
    expect(build).toThrow(ParagraphCountMismatch);
    try {
      build();
    } catch (error) {
      expect(error).toMatchObject({ sourceCount: 3, mtCount: 2, name: "ParagraphCountMismatch" });
      expect((error as Error).message).toMatch(/3.*2/);
    }
  });

  it("keeps a footer-like paragraph that is not last", () => {
    const { segments, footer } = buildSegments({ title: { mt: "T" }, mt: `A.\n\n${FOOTER}\n\nB.` });
    expect(segments.map((s) => s.mt)).toEqual(["T", "A.", FOOTER, "B."]);
    expect(footer).toBeNull();
  });

  it("allows a title-only article", () => {
    expect(buildSegments({ title: { mt: "T" } })).toEqual({
      segments: [{ kind: "TITLE", source: null, mt: "T" }],
      footer: null,
    });
  });
});

describe("buildSegments from a segments array", () => {
  it("keeps kinds, defaults to PARAGRAPH and takes a trailing footer segment", () => {
    const result = buildSegments({
      title: { mt: "Title" },
      segments: [
        { source: "본문", mt: "Body" },
        { kind: "CAPTION", source: "", mt: "A caption" },
        { source: KO_FOOTER, mt: FOOTER },
      ],
    });
    expect(result).toEqual({
      segments: [
        { kind: "TITLE", source: null, mt: "Title" },
        { kind: "PARAGRAPH", source: "본문", mt: "Body" },
        { kind: "CAPTION", source: null, mt: "A caption" },
      ],
      footer: FOOTER,
    });
  });

  it("uses custom footer patterns", () => {
    const result = buildSegments(
      { title: { mt: "T" }, segments: [{ mt: "Body" }, { mt: "Machine translated." }] },
      [/^machine translated\.$/i],
    );
    expect(result.footer).toBe("Machine translated.");
    expect(result.segments).toHaveLength(2);
  });

  it("rejects a body given both as text and as segments", () => {
    expect(() =>
      buildSegments({ title: { mt: "T" }, mt: "Body", segments: [{ mt: "Body" }] }),
    ).toThrow(/either/);
  });
});
