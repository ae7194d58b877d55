import { describe, expect, it } from "vitest";
import { wordBlame } from "@/lib/text/word-blame";

const v = (revision: number, text: string, author: string) => ({ revision, text, author });

describe("wordBlame", () => {
  it("gives every word of a single version to its author", () => {
    expect(wordBlame([v(1, "He met his uncle.", "MT")])).toEqual([
      { text: "He met his uncle.", revision: 1, author: "MT" },
    ]);
  });

  it("keeps the origin of unchanged words and credits inserted ones to the new revision", () => {
    const pieces = wordBlame([
      v(1, "He met his uncle on his father's side.", "MT"),
      v(2, "He met his maternal uncle.", "Riley"),
      v(4, "He finally met his maternal uncle.", "Sam"),
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe("He finally met his maternal uncle.");
    // Word by word (whitespace may go to either side of an insertion).
    const words = pieces.flatMap((p) =>
      (p.text.match(/[\p{L}']+/gu) ?? []).map((w) => `${w}:${p.author}`),
    );
    expect(words).toEqual([
      "He:MT",
      "finally:Sam",
      "met:MT",
      "his:MT",
      "maternal:Riley",
      "uncle:MT",
    ]);
  });

  it("a word removed and typed back later belongs to the later revision", () => {
    const pieces = wordBlame([v(1, "a b c", "MT"), v(2, "a c", "R"), v(3, "a b c", "S")]);
    expect(pieces.find((p) => p.text.includes("b"))).toMatchObject({ revision: 3, author: "S" });
  });

  it("attributes Korean words, not whole sentences", () => {
    const pieces = wordBlame([
      v(1, "서울 시민이 다리를 건넌다.", "MT"),
      v(2, "서울 시민들이 다리를 건넌다.", "R"),
    ]);
    expect(pieces.filter((p) => p.revision === 2).map((p) => p.text.trim())).toEqual(["시민들이"]);
  });

  it("returns nothing for no versions and for an empty text", () => {
    expect(wordBlame([])).toEqual([]);
    expect(wordBlame([v(1, "x", "MT"), v(2, "", "R")])).toEqual([]);
  });
});
