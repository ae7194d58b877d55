import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { type Change, diffSegments, diffStats, diffText } from "@/lib/text/diff";

const rebuildTo = (changes: Change[]) =>
  changes
    .filter((c) => !c.removed)
    .map((c) => c.value)
    .join("");
const rebuildFrom = (changes: Change[]) =>
  changes
    .filter((c) => !c.added)
    .map((c) => c.value)
    .join("");

describe("diffText", () => {
  it("returns one unchanged run for identical text and nothing for two empty strings", () => {
    expect(diffText("Same text.", "Same text.")).toEqual([{ value: "Same text." }]);
    expect(diffText("", "")).toEqual([]);
  });

  it("handles an empty side", () => {
    expect(diffText("", "New text")).toEqual([{ value: "New text", added: true }]);
    expect(diffText("Old text", "")).toEqual([{ value: "Old text", removed: true }]);
  });

  it("changes only the edited Korean word, not the whole sentence", () => {
    const from = "대통령은 오늘 서울에서 기자회견을 열었다.";
    const to = "대통령은 어제 서울에서 기자회견을 열었다.";
    expect(diffText(from, to, "ko")).toEqual([
      { value: "대통령은 " },
      { value: "오늘", removed: true },
      { value: "어제", added: true },
      { value: " 서울에서 기자회견을 열었다." },
    ]);
  });

  it("splits a Korean number from its counter so only the number changes", () => {
    expect(diffText("2025년 성장률", "2026년 성장률", "ko")).toEqual([
      { value: "2025", removed: true },
      { value: "2026", added: true },
      { value: "년 성장률" },
    ]);
  });

  it("treats punctuation as its own token", () => {
    expect(diffText("Hello, world.", "Hello, world!")).toEqual([
      { value: "Hello, world" },
      { value: ".", removed: true },
      { value: "!", added: true },
    ]);
    expect(diffText("He said so", "He said, so")).toEqual([
      { value: "He said" },
      { value: ",", added: true },
      { value: " so" },
    ]);
  });

  it("fuses replacements separated only by whitespace into one edit", () => {
    expect(diffText("the cat sat", "a dog sat")).toEqual([
      { value: "the cat", removed: true },
      { value: "a dog", added: true },
      { value: " sat" },
    ]);
  });

  it("never emits false or undefined flags", () => {
    for (const change of diffText("a b c d", "a x c y e")) {
      for (const key of ["added", "removed"] as const) {
        if (key in change) expect(change[key]).toBe(true);
      }
      expect(Object.keys(change).every((k) => ["value", "added", "removed"].includes(k))).toBe(
        true,
      );
    }
  });

  it("falls back to one removal and one addition for a wholesale rewrite", () => {
    const from = Array.from({ length: 800 }, (_, i) => `old${i}`).join(" ");
    const to = Array.from({ length: 800 }, (_, i) => `new${i}`).join(" ");
    expect(diffText(from, to)).toEqual([
      { value: from, removed: true },
      { value: to, added: true },
    ]);
  });
});

describe("diffText invariant under random edits", () => {
  const vocabulary = [
    "The",
    "president",
    "said",
    "don't",
    "Seoul's",
    "2-1",
    "3.5",
    "economy",
    "대통령은",
    "오늘",
    "서울에서",
    "기자회견을",
    "열었다",
    "AI로",
    "2025년",
    "성장률이",
    "東京都に",
    "我们今天",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    ".",
    ",",
    '"',
    "(",
    ")",
    "—",
    "…",
    "?",
  ];
  const token = fc.constantFrom(...vocabulary);
  const edit = fc.record({
    op: fc.constantFrom("insert", "delete", "replace"),
    at: fc.nat(),
    token,
  });

  const applyEdits = (tokens: string[], edits: { op: string; at: number; token: string }[]) => {
    const result = [...tokens];
    for (const { op, at, token: t } of edits) {
      const i = result.length === 0 ? 0 : at % (result.length + (op === "insert" ? 1 : 0));
      if (op === "insert") result.splice(i, 0, t);
      else if (op === "delete") result.splice(i, 1);
      else result.splice(i, 1, t);
    }
    return result;
  };

  it("rebuilds both texts from the changes", () => {
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }),
        fc.array(edit, { maxLength: 12 }),
        fc.constantFrom(undefined, "en", "ko"),
        (base, edits, lang) => {
          const from = base.join("");
          const to = applyEdits(base, edits).join("");
          const changes = diffText(from, to, lang);
          expect(rebuildTo(changes)).toBe(to);
          expect(rebuildFrom(changes)).toBe(from);
          // Swapping sides must hold as well.
          const reversed = diffText(to, from, lang);
          expect(rebuildTo(reversed)).toBe(from);
          expect(rebuildFrom(reversed)).toBe(to);
          for (const [i, change] of changes.entries()) {
            expect(change.value).not.toBe("");
            expect(change.added && change.removed).toBeFalsy();
            const next = changes[i + 1];
            if (next) expect(kind(next)).not.toBe(kind(change));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

const kind = (c: Change) => (c.added ? "added" : c.removed ? "removed" : "equal");

describe("diffStats", () => {
  it("counts word tokens only", () => {
    expect(
      diffStats([
        { value: "Hello, " },
        { value: "big (old) world", removed: true },
        { value: "new — world!", added: true },
      ]),
    ).toEqual({ wordsAdded: 2, wordsRemoved: 3 });
  });
});

describe("diffSegments", () => {
  it("diffs by index, treats a missing side as empty and totals the stats", () => {
    const result = diffSegments(
      [
        { index: 3, text: "Unchanged." },
        { index: 0, text: "The cat sat." },
        { index: 1, text: "Gone para" },
      ],
      [
        { index: 0, text: "The dog sat down." },
        { index: 2, text: "New one here." },
        { index: 3, text: "Unchanged." },
      ],
    );
    expect(result.segments).toEqual([
      {
        index: 0,
        changes: [
          { value: "The " },
          { value: "cat", removed: true },
          { value: "dog", added: true },
          { value: " sat" },
          { value: " down", added: true },
          { value: "." },
        ],
      },
      { index: 1, changes: [{ value: "Gone para", removed: true }] },
      { index: 2, changes: [{ value: "New one here.", added: true }] },
      { index: 3, changes: [{ value: "Unchanged." }] },
    ]);
    expect(result.stats).toEqual({ wordsAdded: 5, wordsRemoved: 3, segmentsChanged: 3 });
  });

  it("counts a punctuation-only edit as a changed segment with no word changes", () => {
    const { stats } = diffSegments([{ index: 0, text: "Yes." }], [{ index: 0, text: "Yes!" }]);
    expect(stats).toEqual({ wordsAdded: 0, wordsRemoved: 0, segmentsChanged: 1 });
  });

  it("rejects duplicate indexes", () => {
    expect(() =>
      diffSegments(
        [
          { index: 1, text: "a" },
          { index: 1, text: "b" },
        ],
        [],
      ),
    ).toThrow(/Duplicate segment index 1/);
  });
});
