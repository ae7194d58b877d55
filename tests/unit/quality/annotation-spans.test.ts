import { describe, expect, it } from "vitest";
import {
  isAnchored,
  locateQuote,
  splitIntoPieces,
  worstSeverity,
} from "@/components/quality/spans";
import type { AnnotationDto } from "@/lib/quality/dto";

const ann = (id: string, start: number, end: number, severity = "minor"): AnnotationDto => ({
  id,
  articleId: "a",
  segmentIndex: 1,
  revisionNumber: 1,
  target: "TEXT",
  start,
  end,
  quote: "",
  category: "Style",
  severity,
  note: null,
  status: "OPEN",
  author: { id: "u", name: "U" },
  createdAt: "",
  updatedAt: "",
});

describe("splitIntoPieces", () => {
  it("cuts overlapping spans into consecutive pieces that rebuild the text", () => {
    const text = "The quick brown fox";
    const pieces = splitIntoPieces(text, [ann("a", 4, 15), ann("b", 10, 19, "major")]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.map((p) => [p.text, p.marks.map((m) => m.id).join("+")])).toEqual([
      ["The ", ""],
      ["quick ", "a"],
      ["brown", "a+b"],
      [" fox", "b"],
    ]);
    expect(worstSeverity(pieces[2]!.marks)).toBe("major");
  });

  it("returns the plain text as one piece without annotations", () => {
    expect(splitIntoPieces("abc", [])).toEqual([{ start: 0, end: 3, text: "abc", marks: [] }]);
    expect(splitIntoPieces("", [])).toEqual([]);
  });
});

describe("anchoring", () => {
  it("holds only while the quote is still at its offsets", () => {
    const a = { start: 4, end: 9, quote: "quick" };
    expect(isAnchored(a, "The quick fox")).toBe(true);
    expect(isAnchored(a, "A quick fox")).toBe(false);
    expect(isAnchored(a, "The")).toBe(false);
  });

  it("locates a typed quote, preferring the selection's own offsets", () => {
    const text = "to be or not to be";
    expect(locateQuote(text, "to be")).toEqual({ start: 0, end: 5 });
    expect(locateQuote(text, "to be", { start: 13, end: 18 })).toEqual({ start: 13, end: 18 });
    expect(locateQuote(text, "to be", { start: 1, end: 6 })).toEqual({ start: 0, end: 5 });
    expect(locateQuote(text, "maybe")).toBeNull();
    expect(locateQuote(text, "")).toBeNull();
  });
});
