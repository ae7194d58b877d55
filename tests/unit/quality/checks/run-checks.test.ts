import { describe, expect, it } from "vitest";
import { CHECK_IDS, runChecks } from "@/lib/quality/checks";
import { context } from "./context";

describe("runChecks", () => {
  it("exposes stable check ids", () => {
    expect(CHECK_IDS).toEqual([
      "number-mismatch",
      "name-inconsistency",
      "untranslated",
      "glossary",
      "punctuation",
      "literalism",
    ]);
  });

  it("acceptance: flags a two-way name spelling and a wrong amount on the right segments", () => {
    const ctx = context([
      ["이재명 대표, 추경 편성 촉구", "Lee Jae-myung urges extra budget"],
      [
        "이재명 더불어민주당 대표는 14일 기자회견에서 추가경정예산 편성을 촉구했다.",
        "Lee Jae-myung said at a press conference on Wednesday that an extra budget was needed.",
      ],
      [
        "정부는 10조 원 규모의 추경을 검토하고 있다.",
        "The government is reviewing an extra budget of 10 billion won.",
      ],
      [
        "이 대표는 여야 협의를 제안했다.",
        "Lee Jae-myeong added that both parties should negotiate.",
      ],
    ]);
    const warnings = runChecks(ctx);
    expect(warnings.map((w) => [w.segmentIndex, w.check])).toEqual([
      [2, "number-mismatch"],
      [3, "name-inconsistency"],
    ]);
    const [numbers, names] = warnings;
    expect(numbers?.message).toBe(
      "Source has 10조 (10,000,000,000,000); translation has 10 billion (10,000,000,000).",
    );
    expect(ctx.segments[2]?.text.slice(numbers?.start, numbers?.end)).toBe("10 billion");
    expect(ctx.segments[3]?.text.slice(names?.start, names?.end)).toBe("Lee Jae-myeong");
  });

  it("finds nothing in a clean translation", () => {
    const ctx = context(
      [
        ["대통령실, 1조 2000억 원 지원", "Presidential office pledges 1.2 trillion won in aid"],
        [
          "대통령실은 2024년 3월 13일 3만5천 가구에 1조 2000억 원을 지원한다고 밝혔다.",
          "The presidential office said on March 13, 2024, that 1.2 trillion won would go to 35,000 households.",
        ],
        [
          "물가 상승률은 3.5%로 집계됐다.",
          "Inflation was 3.5%, Statistics Korea said, adding that Kim Yoon-sung's team “checked” it.",
        ],
        [null, "Kim Yoon-sung declined to comment."],
      ],
      { glossary: [{ source: "대통령실", target: "presidential office" }] },
    );
    expect(runChecks(ctx)).toEqual([]);
  });

  it("runs only the requested checks and orders by segment then offset", () => {
    const ctx = context(["The the plan (left 서울.", "Fine."]);
    expect(runChecks(ctx, ["untranslated"]).map((w) => w.check)).toEqual(["untranslated"]);
    const all = runChecks(ctx);
    expect(all.map((w) => [w.check, w.start])).toEqual([
      ["punctuation", 0],
      ["punctuation", 13],
      ["untranslated", 19],
    ]);
  });
});
