import { describe, expect, it } from "vitest";
import { checkGlossary } from "@/lib/quality/checks/glossary";
import { glossaryMarks, warningMentionsTerm } from "@/lib/quality/glossary-marks";

const glossary = [
  { source: "외삼촌", target: "maternal uncle", note: "mother's brother" },
  { source: "재벌", target: "chaebol" },
  { source: "Blue House", target: "Cheong Wa Dae" },
];

describe("glossaryMarks", () => {
  it("marks each source occurrence with its targets, Korean terms with particles attached", () => {
    const marks = glossaryMarks(
      "그는 외삼촌을 만났다. 외삼촌과 재벌.",
      "He met his maternal uncle.",
      glossary,
    );
    expect(marks.map((m) => [m.start, m.end, m.term, m.missing])).toEqual([
      [3, 6, "외삼촌", false],
      [13, 16, "외삼촌", false],
      [18, 20, "재벌", true],
    ]);
    expect(marks[0]).toMatchObject({ targets: ["maternal uncle"], note: "mother's brother" });
  });

  it("says missing exactly when the glossary check warns", () => {
    const source = "청와대 Blue House 대변인 외삼촌";
    for (const text of [
      "Cheong Wa Dae spokesman, maternal uncle",
      "The presidential office spokesman",
    ]) {
      const marks = glossaryMarks(source, text, glossary);
      const warned = checkGlossary({
        segments: [{ index: 1, source, text }],
        glossary,
        sourceLang: "ko",
        targetLang: "en",
      }).map((w) => w.message);
      for (const mark of marks)
        expect(warned.some((m) => warningMentionsTerm(m, mark.term))).toBe(mark.missing);
    }
  });

  it("keeps Latin terms whole-word and case-insensitive; returns nothing without a source", () => {
    expect(
      glossaryMarks("the blue housekeeper; BLUE HOUSE", "", glossary).map((m) => m.start),
    ).toEqual([22]);
    expect(glossaryMarks(null, "x", glossary)).toEqual([]);
  });
});
