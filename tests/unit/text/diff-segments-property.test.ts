import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Change, diffSegments } from "@/lib/text/diff";

// The compare view and GET /diff rely on this: for every segment, the unremoved
// values rebuild the `to` text and the unadded values the `from` text, and the
// stats agree with which segments differ.
const join = (changes: Change[], drop: "added" | "removed") =>
  changes
    .filter((c) => !c[drop])
    .map((c) => c.value)
    .join("");

const word = fc.constantFrom(
  "정부는",
  "10조",
  "원을",
  "투입한다",
  "이재명",
  "대통령은",
  "“속도가",
  "생명”이라며",
  "2027년까지",
  "the",
  "fund",
  "trillion",
  "won",
  ",",
  ".",
  "…",
);
const sentence = fc
  .array(fc.tuple(word, fc.constantFrom(" ", " ", "  ", "\n", "")), { maxLength: 20 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));

const edit = fc.record({
  index: fc.integer({ min: 0, max: 7 }),
  text: sentence,
});

describe("diffSegments under random edits (Korean and English)", () => {
  it("rebuilds both sides of every segment and counts changed segments", () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 8 }),
        fc.array(edit, { maxLength: 10 }),
        fc.constantFrom("ko", "en", undefined),
        (initial, edits, lang) => {
          const from = initial.map((text, index) => ({ index, text }));
          const to = new Map(from.map((s) => [s.index, s.text]));
          for (const e of edits) if (to.has(e.index)) to.set(e.index, e.text);
          const toList = [...to].map(([index, text]) => ({ index, text }));
          const result = diffSegments(from, toList, lang);
          expect(result.segments.map((s) => s.index)).toEqual(from.map((s) => s.index));
          let changed = 0;
          for (const s of result.segments) {
            expect(join(s.changes, "removed")).toBe(to.get(s.index));
            expect(join(s.changes, "added")).toBe(initial[s.index]);
            if (to.get(s.index) !== initial[s.index]) changed++;
            else expect(s.changes.every((c) => !c.added && !c.removed)).toBe(true);
          }
          expect(result.stats.segmentsChanged).toBe(changed);
          if (changed === 0) expect(result.stats).toMatchObject({ wordsAdded: 0, wordsRemoved: 0 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
