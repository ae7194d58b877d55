import { describe, it, expect } from "vitest";
import { splitParagraphs } from "@/lib/ingest/paragraphs";

describe("splitParagraphs", () => {
  it("splits on blank lines and trims each paragraph", () => {
    expect(splitParagraphs("  First para.  \n\nSecond para.\n\n\n\nThird.")).toEqual([
      "First para.",
      "Second para.",
      "Third.",
    ]);
  });

  it("treats whitespace-only lines as blank and normalises CRLF", () => {
    expect(splitParagraphs("One\r\n \t \r\nTwo\r\n\u00a0\r\n\r\nThree\r\n")).toEqual([
      "One",
      "Two",
      "Three",
    ]);
  });

  it("keeps single newlines inside a paragraph", () => {
    expect(splitParagraphs("Line one\nline two\r\n\r\nNext")).toEqual([
      "Line one\nline two",
      "Next",
    ]);
  });

  it("drops empty paragraphs, including for blank input", () => {
    expect(splitParagraphs("\n\n  \n\nOnly\n\n \n")).toEqual(["Only"]);
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs(" \n \n ")).toEqual([]);
  });
});
