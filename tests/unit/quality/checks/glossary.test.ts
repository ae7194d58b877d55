import { describe, expect, it } from "vitest";
import { checkGlossary } from "@/lib/quality/checks/glossary";
import { context } from "./context";

const glossary = [
  { source: "대통령실", target: "presidential office" },
  {
    source: "국민의힘",
    target: "People Power Party",
    note: "Never abbreviate to PPP in body text.",
  },
  { source: "재벌", target: "chaebol" },
  { source: "재벌", target: "conglomerate" },
];

describe("glossary", () => {
  it("flags a missing approved term, naming both", () => {
    const ctx = context([["대통령실은 이날 밝혔다.", "The president's office said on the day."]], {
      glossary,
    });
    expect(checkGlossary(ctx)).toEqual([
      {
        segmentIndex: 0,
        check: "glossary",
        message:
          'Glossary term "대통령실" should be translated as "presidential office", which is missing from the translation.',
      },
    ]);
  });

  it("matches case-insensitively and across particles", () => {
    const ctx = context([["대통령실은 반박했다.", "The Presidential Office rebutted it."]], {
      glossary,
    });
    expect(checkGlossary(ctx)).toEqual([]);
  });

  it("accepts any of several approved targets and plural forms", () => {
    const ctx = context(
      [
        ["재벌 개혁", "reform of the conglomerates"],
        ["재벌 총수들", "chaebol chiefs"],
      ],
      { glossary },
    );
    expect(checkGlossary(ctx)).toEqual([]);
    const missing = checkGlossary(context([["재벌 개혁", "business reform"]], { glossary }));
    expect(missing[0]?.message).toContain('"chaebol" or "conglomerate"');
  });

  it("includes the glossary note", () => {
    const ctx = context([["국민의힘은 반대했다.", "The PPP objected."]], {
      glossary,
    });
    expect(checkGlossary(ctx)[0]?.message).toMatch(/Note: Never abbreviate/);
  });

  it("needs a whole-word source match for Latin-script terms", () => {
    const enGlossary = [{ source: "art", target: "예술" }];
    const ctx = context([["The start was slow.", "시작은 느렸다."]], {
      sourceLang: "en",
      targetLang: "ko",
      glossary: enGlossary,
    });
    expect(checkGlossary(ctx)).toEqual([]);
  });

  it("skips segments without source", () => {
    expect(checkGlossary(context(["The president's office said."], { glossary }))).toEqual([]);
  });
});
