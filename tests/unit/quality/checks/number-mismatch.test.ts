import { describe, expect, it } from "vitest";
import { checkNumberMismatch } from "@/lib/quality/checks/number-mismatch";
import { context } from "./context";

describe("number-mismatch", () => {
  it("accepts amounts rendered with English scale words", () => {
    const ctx = context([
      ["정부는 10조 원을 투입한다.", "The government will inject 10 trillion won."],
      ["1조 2000억 원 규모", "worth 1.2 trillion won"],
      ["2억5000만 달러", "$250 million"],
      ["3만5천 명이 참가했다.", "Some 35,000 people took part."],
    ]);
    expect(checkNumberMismatch(ctx)).toEqual([]);
  });

  it("names both figures when the scale is wrong", () => {
    const text = "The government will inject 10 billion won.";
    const ctx = context([["정부는 10조 원을 투입한다.", text]]);
    expect(checkNumberMismatch(ctx)).toEqual([
      {
        segmentIndex: 0,
        check: "number-mismatch",
        message:
          "Source has 10조 (10,000,000,000,000); translation has 10 billion (10,000,000,000).",
        start: text.indexOf("10 billion"),
        end: text.indexOf(" won"),
      },
    ]);
  });

  it("reports a figure that is missing from the translation", () => {
    const ctx = context([["3.5% 상승했다.", "It rose."]]);
    const [warning] = checkNumberMismatch(ctx);
    expect(warning?.message).toBe("Source has 3.5%, which is missing from the translation.");
    expect(warning?.start).toBeUndefined();
  });

  it("matches dates across languages and accepts a weekday for a day of the month", () => {
    const ctx = context([
      ["2024년 3월 13일 발표했다.", "It was announced on March 13, 2024."],
      ["이 대표는 13일 기자회견에서 말했다.", "Lee told a press conference on Wednesday."],
    ]);
    expect(checkNumberMismatch(ctx)).toEqual([]);
  });

  it("flags a wrong day of the month", () => {
    const ctx = context([["3월 13일 발표", "announced on March 14"]]);
    expect(checkNumberMismatch(ctx).map((w) => w.message)).toEqual([
      "Source has 13일 (day 13); translation has 14 (day 14).",
    ]);
  });

  it("accepts a correctly rounded figure but not a truncated one", () => {
    expect(checkNumberMismatch(context([["1조 2345억 원", "1.23 trillion won"]]))).toEqual([]);
    expect(checkNumberMismatch(context([["1조 2345억 원", "1 trillion won"]]))).toHaveLength(1);
  });

  it("skips segments without source and reports a repeated figure once", () => {
    expect(checkNumberMismatch(context(["10 billion won"]))).toEqual([]);
    const ctx = context([["10조 원, 다시 10조 원", "10 billion won, again 10 billion won"]]);
    expect(checkNumberMismatch(ctx)).toHaveLength(1);
  });

  it("accepts spelled-out small numbers", () => {
    expect(checkNumberMismatch(context([["3명이 다쳤다.", "Three people were injured."]]))).toEqual(
      [],
    );
  });
});

describe("number-mismatch: 1 as an article, quarters as Q1–Q4", () => {
  it("accepts a lone 1 rendered as a/an/single", () => {
    const ctx = context([
      ["1년 전보다 25% 늘었다.", "It rose 25% from a year earlier."],
      ["1시간 만에 불을 껐다.", "The fire was put out in an hour."],
      ["1인 가구 기준이다.", "That is for a single-person household."],
    ]);
    expect(checkNumberMismatch(ctx)).toEqual([]);
  });

  it("still flags a 1 rendered as another figure, or dropped with no article to stand for it", () => {
    const wrong = "Two people were injured.";
    const ctx = context([
      ["1명이 다쳤다.", wrong],
      ["1위를 차지했다.", "It came out on top."],
    ]);
    expect(checkNumberMismatch(ctx).map((w) => [w.segmentIndex, w.message])).toEqual([
      [0, "Source has 1; translation has Two (2)."],
      [1, "Source has 1, which is missing from the translation."],
    ]);
  });

  it("reads Q3 as the third quarter", () => {
    expect(checkNumberMismatch(context([["3분기 영업이익", "Q3 operating profit"]]))).toEqual([]);
    expect(checkNumberMismatch(context([["3분기 영업이익", "Q2 operating profit"]]))).toMatchObject(
      [{ message: "Source has 3; translation has 2.", start: 1, end: 2 }],
    );
  });
});

describe("number-mismatch: percentage points", () => {
  it("flags %p rendered as percent and accepts percentage points", () => {
    const wrong = "Unemployment rose 0.2 percent to 3.1%.";
    expect(checkNumberMismatch(context([["실업률은 3.1%로 0.2%p 올랐다.", wrong]]))).toEqual([
      {
        segmentIndex: 0,
        check: "number-mismatch",
        message:
          "Source has 0.2%p (percentage points); translation has 0.2 percent, which reads as a relative change.",
        start: wrong.indexOf("0.2"),
        end: wrong.indexOf(" to"),
      },
    ]);
    const ctx = context([
      ["실업률은 3.1%로 0.2%포인트 올랐다.", "Unemployment rose 0.2 percentage point to 3.1%."],
      ["3.5%p 높아졌다.", "It rose 3.5 percentage points."],
      ["5% 늘었다.", "It rose 5 percent."],
    ]);
    expect(checkNumberMismatch(ctx)).toEqual([]);
  });
});
