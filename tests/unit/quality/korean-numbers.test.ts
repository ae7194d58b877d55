import { describe, expect, it } from "vitest";
import { extractNumbers, parseKoreanCompound } from "@/lib/quality/korean-numbers";

const values = (text: string, lang: string) =>
  extractNumbers(text, lang).map((m) => [m.text, m.value, m.kind]);

describe("extractNumbers (Korean)", () => {
  it.each([
    ["1조 2000억 원", "1조 2000억", 1.2e12],
    ["1조2000억원", "1조2000억", 1.2e12],
    ["3만5천 명", "3만5천", 35_000],
    ["3만5000명", "3만5000", 35_000],
    ["3만 5000명", "3만 5000", 35_000],
    ["2억5000만 달러", "2억5000만", 2.5e8],
    ["5천만 원", "5천만", 5e7],
    ["1천2백만", "1천2백만", 1.2e7],
    ["3.5조 원", "3.5조", 3.5e12],
    ["10조 원을 투입", "10조", 1e13],
    ["1,234.5톤", "1,234.5", 1234.5],
    ["1,000억 원", "1,000억", 1e11],
  ])("reads %s as %s = %d", (text, matched, value) => {
    expect(values(text, "ko")).toEqual([[matched, value, "number"]]);
  });

  it("reads dates and percentages", () => {
    expect(values("2024년 3월 13일 발표", "ko")).toEqual([
      ["2024년", 2024, "year"],
      ["3월", 3, "month"],
      ["13일", 13, "day"],
    ]);
    expect(values("3.5% 상승, 0.25%p 인하", "ko")).toEqual([
      ["3.5%", 3.5, "percent"],
      ["0.25%p", 0.25, "percent"],
    ]);
    expect(values("2024.3.13", "ko").map(([, v, k]) => [v, k])).toEqual([
      [2024, "year"],
      [3, "month"],
      [13, "day"],
    ]);
  });

  it("treats durations as plain numbers, not dates", () => {
    expect(values("10년간 3개월", "ko")).toEqual([
      ["10", 10, "number"],
      ["3", 3, "number"],
    ]);
  });

  it("does not join a trailing year onto an amount or read numbers glued to words", () => {
    expect(values("3만 2024년", "ko")).toEqual([
      ["3만", 30_000, "number"],
      ["2024년", 2024, "year"],
    ]);
    expect(values("제3조", "ko")).toEqual([]);
  });

  it("reports offsets into the text", () => {
    const [mention] = extractNumbers("정부는 10조 원을", "ko");
    expect(mention).toMatchObject({ start: 4, end: 7, text: "10조" });
  });

  it("records the precision of the last written digit", () => {
    expect(parseKoreanCompound("3.5조").precision).toBe(1e11);
    expect(parseKoreanCompound("1조 2000억").precision).toBe(1e8);
  });
});

describe("extractNumbers (English)", () => {
  it.each([
    ["10 trillion won", "10 trillion", 1e13],
    ["$1.2 billion", "1.2 billion", 1.2e9],
    ["1.2bn", "1.2bn", 1.2e9],
    ["$5m", "5m", 5e6],
    ["1,234.5 tons", "1,234.5", 1234.5],
    ["a 10-trillion-won budget", "10-trillion", 1e13],
    ["five million people", "five million", 5e6],
    ["twenty-five people", "twenty-five", 25],
  ])("reads %s as %s = %d", (text, matched, value) => {
    expect(values(text, "en")).toEqual([[matched, value, "number"]]);
  });

  it("does not read a bare letter after a number as a scale", () => {
    expect(values("5m away", "en")).toEqual([["5", 5, "number"]]);
  });

  it("reads percentages", () => {
    expect(values("up 3.5 percent, or 2 percentage points, to 30%", "en")).toEqual([
      ["3.5 percent", 3.5, "percent"],
      ["2 percentage points", 2, "percent"],
      ["30%", 30, "percent"],
    ]);
  });

  it("reads dates in either order", () => {
    expect(values("on March 13, 2024", "en")).toEqual([
      ["March", 3, "month"],
      ["13", 13, "day"],
      ["2024", 2024, "year"],
    ]);
    expect(values("13 March", "en")).toEqual([
      ["13", 13, "day"],
      ["March", 3, "month"],
    ]);
    expect(values("in 2024", "en")).toEqual([["2024", 2024, "year"]]);
    expect(values("on the 13th", "en")).toEqual([["13th", 13, "day"]]);
  });

  it("keeps comma-grouped four-digit figures as numbers and skips model names", () => {
    expect(values("2,000 people at the G20", "en")).toEqual([["2,000", 2000, "number"]]);
  });

  it("normalises Korean and English renderings of the same amount to one value", () => {
    const [ko] = extractNumbers("1조 2000억 원", "ko");
    const [en] = extractNumbers("1.2 trillion won", "en");
    expect(ko?.value).toBe(en?.value);
  });
});
