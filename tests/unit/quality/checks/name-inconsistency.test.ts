import { describe, expect, it } from "vitest";
import { checkNameInconsistency } from "@/lib/quality/checks/name-inconsistency";
import { areNameVariants, nameSkeleton } from "@/lib/quality/checks/name-spelling";
import { context } from "./context";

describe("areNameVariants", () => {
  it.each([
    ["Lee Jae-myung", "Lee Jae-myeong"],
    ["Lee Jae-myung", "Lee Jae Myung"],
    ["Kim Yoon-sung", "Kim Yun-sung"],
    ["Pyongyang", "Pyeongyang"],
    ["Hyundai", "Hyundae"],
    ["Moon Jae-in", "Mun Jae-in"],
  ])("treats %s and %s as one name", (a, b) => {
    expect(areNameVariants(a, b)).toBe(true);
  });

  it.each([
    ["Lee Jae-myung", "Lee Jae-yong"],
    ["Kang Min-ho", "Jang Min-ho"],
    ["Korea", "Korean"],
    ["Monday", "Sunday"],
    ["Song", "Sung"],
    ["Samsung", "Samsung"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(areNameVariants(a, b)).toBe(false);
  });

  it("folds hyphens, case, doubled letters and eo/oo", () => {
    expect(nameSkeleton("Jae-Myeong")).toBe(nameSkeleton("jaemyung"));
    expect(nameSkeleton("Yoon")).toBe("yun");
  });
});

describe("name-inconsistency", () => {
  it("flags the later spelling when two are used once each", () => {
    const ctx = context([
      "Lee Jae-myung said the budget would pass.",
      "The opposition disagreed.",
      "Lee Jae-myeong added that talks would continue.",
    ]);
    expect(checkNameInconsistency(ctx)).toEqual([
      {
        segmentIndex: 2,
        check: "name-inconsistency",
        message:
          'Name "Lee Jae-myeong" is spelled "Lee Jae-myung" in segment 0; use one spelling throughout.',
        start: 0,
        end: 14,
      },
    ]);
  });

  it("flags every occurrence of the minority spelling", () => {
    const ctx = context([
      "Kim Yun-sung arrived in Seoul.",
      "Officials met Kim Yoon-sung on Monday.",
      "Kim Yoon-sung later left, and Kim Yun-sung stayed.",
      "Kim Yoon-sung declined to comment.",
    ]);
    const warnings = checkNameInconsistency(ctx);
    expect(warnings.map((w) => [w.segmentIndex, w.start])).toEqual([
      [0, 0],
      [2, 30],
    ]);
    expect(warnings[0]?.message).toContain('"Kim Yoon-sung"');
  });

  it("catches one-letter variants of place and company names mid-sentence", () => {
    const ctx = context([
      "Missiles were launched from near Pyongyang.",
      "Analysts in Seoul said Pyeongyang was testing a new engine.",
      "Shares of Hyundai rose while Hyundae dealers waited.",
    ]);
    expect(checkNameInconsistency(ctx).map((w) => [w.segmentIndex, w.message])).toEqual([
      [1, 'Name "Pyeongyang" is spelled "Pyongyang" in segment 0; use one spelling throughout.'],
      [
        2,
        'Name "Hyundae" is spelled "Hyundai" elsewhere in this segment; use one spelling throughout.',
      ],
    ]);
  });

  it("prefers the glossary spelling, even when the article never uses it", () => {
    const ctx = context(["Lee Jae-myeong spoke.", "President Lee Jae-myeong left."], {
      glossary: [{ source: "이재명", target: "Lee Jae-myung" }],
    });
    const warnings = checkNameInconsistency(ctx);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatchObject({
      segmentIndex: 1,
      message: `Name "Lee Jae-myeong" differs from glossary 'Lee Jae-myung'.`,
      start: 10,
      end: 24,
    });
  });

  it("stays quiet on a consistent article with ordinary capitalised words", () => {
    const ctx = context([
      "President Lee Jae-myung met Samsung Electronics Chairman Lee Jae-yong in Seoul.",
      "Police said the policy would change. Policy makers in Korea and the Koreans agreed.",
      "On Monday, the Democratic Party said Lee Jae-myung would visit Sunday.",
      "Lee Jae-myung's office declined to comment.",
    ]);
    expect(checkNameInconsistency(ctx)).toEqual([]);
  });

  it("ignores lone sentence-initial words seen nowhere else", () => {
    const ctx = context(["Police arrived.", "Policy followed."]);
    expect(checkNameInconsistency(ctx)).toEqual([]);
  });
});
