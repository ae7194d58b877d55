import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isWordToken, tokenize, tokenizeBySegmenter } from "@/lib/text/tokenize";

describe("tokenize", () => {
  it("splits English into words, whitespace runs and single punctuation chars", () => {
    expect(tokenize("Hello,  world!!\n\nOK")).toEqual([
      "Hello",
      ",",
      "  ",
      "world",
      "!",
      "!",
      "\n\n",
      "OK",
    ]);
  });

  it("keeps apostrophes inside words and separators inside numbers", () => {
    expect(tokenize("don't it's 2-1 3.5 1,000 10:30 players'")).toEqual([
      "don't",
      " ",
      "it's",
      " ",
      "2-1",
      " ",
      "3.5",
      " ",
      "1,000",
      " ",
      "10:30",
      " ",
      "players",
      "'",
    ]);
  });

  it("handles non-Latin letters and combining marks as word characters", () => {
    expect(tokenize("Привет мир café e\u0301te")).toEqual([
      "Привет",
      " ",
      "мир",
      " ",
      "café",
      " ",
      "e\u0301te",
    ]);
  });

  it("splits Korean at spaces and at script boundaries like Intl.Segmenter", () => {
    const text = '2025년 AI로 삼성전자가 기자회견을  열었다.\n\n"정부는"';
    expect(tokenize(text, "ko")).toEqual([
      "2025",
      "년",
      " ",
      "AI",
      "로",
      " ",
      "삼성전자가",
      " ",
      "기자회견을",
      "  ",
      "열었다",
      ".",
      "\n\n",
      '"',
      "정부는",
      '"',
    ]);
    expect(tokenize(text, "ko")).toEqual(tokenizeBySegmenter(text, "ko"));
  });

  it("segments Japanese and Chinese into dictionary words", () => {
    expect(tokenize("東京都に住んでいます。", "ja")).toEqual(
      tokenizeBySegmenter("東京都に住んでいます。", "ja"),
    );
    expect(tokenize("我们今天去北京。", "zh")).toEqual(["我们", "今天", "去", "北京", "。"]);
  });

  it("tolerates a malformed language tag", () => {
    expect(tokenize("서울 AI로", "not a tag!")).toEqual(["서울", " ", "AI", "로"]);
  });

  it("reproduces any input exactly when joined", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc
        .array(fc.constantFrom("서울", "AI로", "東京", " ", "\n", ".", "don't", "2-1", "’s"))
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(tokenize(s, "ko").join("")).toBe(s);
        expect(tokenize(s).every((token) => token.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("counts only tokens with letters or digits as words", () => {
    expect(["word", "3", "년", " ", ",", "—", "\n"].map(isWordToken)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
