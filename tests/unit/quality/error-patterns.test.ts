import { describe, expect, it } from "vitest";
import {
  mineErrorPatterns,
  replacementsIn,
  type RevisedSegment,
} from "@/lib/quality/error-patterns";

const seg = (
  articleId: string,
  segmentIndex: number,
  mt: string,
  final: string,
): RevisedSegment => ({
  articleId,
  segmentIndex,
  mt,
  final,
});

describe("replacementsIn", () => {
  it("finds what replaced what, whole words, multi-word runs fused", () => {
    expect(replacementsIn("The person concerned said so.", "The official said so.")).toEqual([
      { removed: "person concerned", added: "official" },
    ]);
  });

  it("ignores pure insertions, deletions, punctuation and case changes", () => {
    expect(replacementsIn("He left.", "He left early.")).toEqual([]);
    expect(replacementsIn("He left early.", "He left.")).toEqual([]);
    expect(replacementsIn("He left, then.", "He left; then.")).toEqual([]);
    expect(replacementsIn("the Ministry said", "the ministry said")).toEqual([]);
    expect(replacementsIn("same", "same")).toEqual([]);
  });
});

describe("mineErrorPatterns", () => {
  const fixes = [
    seg("a1", 1, "His eldest son-in-law came.", "His eldest son came."),
    seg("a2", 3, "The eldest son-in-law spoke.", "The eldest son spoke."),
    seg("a3", 2, "An eldest son-in-law was there.", "An eldest son was there."),
    seg("a3", 4, "The person concerned said so.", "The official said so."),
    seg("a4", 1, "The person concerned left.", "The official left."),
  ];

  it("lists a replacement seen in at least 3 segments, with count and examples", () => {
    const patterns = mineErrorPatterns(fixes);
    expect(patterns).toHaveLength(1);
    const [p] = patterns;
    expect(p!.count).toBe(3);
    expect(p!.replacement).toMatch(/son$/);
    expect(p!.mt).toMatch(/son-in-law$/);
    expect(p!.examples.map((e) => e.articleId)).toEqual(["a1", "a2", "a3"]);
  });

  it("counts a segment once however often it repeats the fix, and honours the threshold", () => {
    const repeated = [
      seg(
        "a1",
        1,
        "The person concerned and the person concerned.",
        "The official and the official.",
      ),
      seg("a1", 1, "The person concerned left.", "The official left."),
      seg("a2", 1, "The person concerned left.", "The official left."),
    ];
    expect(mineErrorPatterns(repeated)).toEqual([]);
    const [p] = mineErrorPatterns(repeated, { minSegments: 2 });
    expect(p).toMatchObject({ mt: "person concerned", replacement: "official", count: 2 });
  });
});
