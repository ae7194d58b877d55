import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeSegment, mergeSegments } from "@/lib/text/merge3";

const seg = (base: string, theirs: string, mine: string) => ({ index: 3, base, theirs, mine });

describe("three-way segment merge", () => {
  it("keeps my edit when only I changed the segment", () => {
    expect(mergeSegment(seg("a b c", "a b c", "a B c"))).toEqual({
      index: 3,
      outcome: "mine",
      text: "a B c",
    });
  });

  it("takes their edit when only they changed it", () => {
    expect(mergeSegment(seg("a b c", "a b C", "a b c"))).toMatchObject({
      outcome: "theirs",
      text: "a b C",
    });
  });

  it("is no conflict when both made the same edit", () => {
    expect(mergeSegment(seg("10 billion won", "10 trillion won", "10 trillion won"))).toMatchObject(
      { outcome: "same", text: "10 trillion won" },
    );
  });

  it("merges edits to different words of one segment", () => {
    const merged = mergeSegment(
      seg(
        "The government will inject 10 billion won, Lee Jae-myeong said.",
        "The government will inject 10 trillion won, Lee Jae-myeong said.",
        "The government will inject 10 billion won, Lee Jae-myung said.",
      ),
      "en",
    );
    expect(merged).toEqual({
      index: 3,
      outcome: "merged",
      text: "The government will inject 10 trillion won, Lee Jae-myung said.",
    });
  });

  it("merges Korean edits at word level", () => {
    expect(
      mergeSegment(
        seg("정부가 13일 발표했다 오늘", "정부는 13일 발표했다 오늘", "정부가 13일 밝혔다 오늘"),
        "ko",
      ),
    ).toMatchObject({ outcome: "merged", text: "정부는 13일 밝혔다 오늘" });
  });

  it("reports a conflict when both changed the same words differently", () => {
    expect(mergeSegment(seg("10 billion won", "10 trillion won", "ten billion won"))).toEqual({
      index: 3,
      outcome: "conflict",
      base: "10 billion won",
      theirs: "10 trillion won",
      mine: "ten billion won",
    });
  });

  it("treats each segment on its own", () => {
    const out = mergeSegments([
      { index: 1, base: "x", theirs: "x", mine: "y" },
      { index: 2, base: "p q", theirs: "P q", mine: "p Q" },
      { index: 4, base: "m", theirs: "n", mine: "o" },
    ]);
    expect(out.map((m) => m.outcome)).toEqual(["mine", "conflict", "conflict"]);
  });

  it("never loses text: a merge without conflict contains both sides' edits when they are apart", () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 6, maxLength: 20 }), word, word, (words, a, b) => {
        const base = words.join(" ");
        const theirsWords = [...words];
        theirsWords[0] = `${a}X`;
        const mineWords = [...words];
        mineWords[words.length - 1] = `${b}Y`;
        const merged = mergeSegment({
          index: 0,
          base,
          theirs: theirsWords.join(" "),
          mine: mineWords.join(" "),
        });
        expect(merged.outcome).toBe("merged");
        const expected = [...theirsWords];
        expected[words.length - 1] = `${b}Y`;
        expect(merged).toMatchObject({ text: expected.join(" ") });
      }),
    );
  });
});
