import { describe, expect, it } from "vitest";
import { checkUntranslated } from "@/lib/quality/checks/untranslated";
import { context } from "./context";

describe("untranslated", () => {
  it("reports each run of Hangul with offsets", () => {
    const text = "The 서울시청 announced a 대책 today.";
    const warnings = checkUntranslated(context([["서울시청은 대책을 발표했다.", text]]));
    expect(warnings).toEqual([
      {
        segmentIndex: 0,
        check: "untranslated",
        message: 'Untranslated Korean text "서울시청" is left in the translation.',
        start: 4,
        end: 8,
      },
      {
        segmentIndex: 0,
        check: "untranslated",
        message: 'Untranslated Korean text "대책" is left in the translation.',
        start: text.indexOf("대책"),
        end: text.indexOf("대책") + 2,
      },
    ]);
  });

  it("keeps a spaced phrase as one run and catches headline Hanja", () => {
    const warnings = checkUntranslated(context(["Talks with 北 stall over 국회 본회의"]));
    expect(warnings.map((w) => w.message)).toEqual([
      'Untranslated Korean text "北" is left in the translation.',
      'Untranslated Korean text "국회 본회의" is left in the translation.',
    ]);
  });

  it("checks segments without source too", () => {
    expect(checkUntranslated(context(["Hello 안녕"]))).toHaveLength(1);
  });

  it("is silent on clean English and when the target is Korean", () => {
    expect(checkUntranslated(context([["국회", "The National Assembly"]]))).toEqual([]);
    const koTarget = context([["The Assembly", "국회"]], {
      sourceLang: "en",
      targetLang: "ko",
    });
    expect(checkUntranslated(koTarget)).toEqual([]);
  });
});
