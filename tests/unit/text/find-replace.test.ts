import { describe, expect, it } from "vitest";
import {
  applyHits,
  compileQuery,
  findAll,
  MAX_HITS,
  MAX_QUERY_LENGTH,
  type FindOptions,
} from "@/lib/text/find-replace";

const plain: FindOptions = { query: "", regex: false, caseSensitive: false, wholeWord: false };
const segs = [
  { index: 0, text: "Seoul to open bridge" },
  { index: 1, text: "The bridge in Seoul opens. seoul-bound traffic waits." },
  { index: 2, text: "서울에서 서울 시민이 다리를 건넌다." },
];

describe("findAll", () => {
  it("finds plain text case-insensitively by default, with offsets per segment", () => {
    const r = findAll(segs, { ...plain, query: "seoul" }, "Busan");
    expect(r.ok && r.hits.map((h) => [h.segmentIndex, h.start, h.match])).toEqual([
      [0, 0, "Seoul"],
      [1, 14, "Seoul"],
      [1, 27, "seoul"],
    ]);
  });

  it("respects the case option", () => {
    const r = findAll(segs, { ...plain, query: "seoul", caseSensitive: true }, "x");
    expect(r.ok && r.hits.map((h) => h.match)).toEqual(["seoul"]);
  });

  it("treats regex characters literally in plain mode", () => {
    const r = findAll([{ index: 0, text: "a.b axb (a.b)" }], { ...plain, query: "(a.b)" }, "x");
    expect(r.ok && r.hits.map((h) => h.start)).toEqual([8]);
  });

  it("matches whole words only when asked, also for Hangul", () => {
    const partial = findAll(segs, { ...plain, query: "서울" }, "부산");
    expect(partial.ok && partial.hits.length).toBe(2);
    const whole = findAll(segs, { ...plain, query: "서울", wholeWord: true }, "부산");
    expect(whole.ok && whole.hits.map((h) => [h.segmentIndex, h.start])).toEqual([[2, 5]]);
    const latin = findAll(segs, { ...plain, query: "open", wholeWord: true }, "x");
    expect(latin.ok && latin.hits.map((h) => h.segmentIndex)).toEqual([0]);
  });

  it("whole-word boundaries see accented letters as letters (unlike ASCII \\b)", () => {
    const r = findAll(
      [{ index: 0, text: "café cafés caf" }],
      { ...plain, query: "caf", wholeWord: true },
      "x",
    );
    expect(r.ok && r.hits.map((h) => h.start)).toEqual([11]);
  });

  it("expands capture groups in regex mode", () => {
    const r = findAll(
      [{ index: 0, text: "10 billion won, 3 billion won" }],
      { ...plain, query: String.raw`(\d+) billion won`, regex: true },
      "$1 trillion won ($$)",
    );
    expect(r.ok && r.hits.map((h) => h.replacement)).toEqual([
      "10 trillion won ($)",
      "3 trillion won ($)",
    ]);
  });

  it("skips zero-length matches without looping forever", () => {
    const r = findAll([{ index: 0, text: "ab😀c" }], { ...plain, query: "x*", regex: true }, "-");
    expect(r).toEqual({ ok: true, hits: [], truncated: false });
    const anchors = findAll(segs, { ...plain, query: "^|$", regex: true }, "-");
    expect(anchors.ok && anchors.hits).toEqual([]);
    const mixed = findAll([{ index: 0, text: "aXbX" }], { ...plain, query: "X?", regex: true }, "");
    expect(mixed.ok && mixed.hits.map((h) => h.start)).toEqual([1, 3]);
  });

  it("reports an invalid regular expression as a message, never a throw", () => {
    const r = findAll(segs, { ...plain, query: "(unclosed", regex: true }, "x");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Invalid regular expression/);
    expect(compileQuery({ ...plain, query: "[z-a]", regex: true }).ok).toBe(false);
  });

  it("refuses over-long and catastrophic patterns and an empty query", () => {
    expect(compileQuery({ ...plain, query: "a".repeat(MAX_QUERY_LENGTH + 1) })).toMatchObject({
      ok: false,
      message: expect.stringContaining(String(MAX_QUERY_LENGTH)),
    });
    expect(compileQuery({ ...plain, query: "(a+)+$", regex: true })).toMatchObject({ ok: false });
    expect(compileQuery({ ...plain, query: String.raw`(\w*)*`, regex: true })).toMatchObject({
      ok: false,
    });
    expect(compileQuery({ ...plain, query: "" }).ok).toBe(false);
    // A plain search for the same characters is just text.
    expect(compileQuery({ ...plain, query: "(a+)+$" }).ok).toBe(true);
  });

  it("caps the number of hits and says so", () => {
    const r = findAll(
      [{ index: 0, text: "a".repeat(MAX_HITS + 5) }],
      { ...plain, query: "a" },
      "b",
    );
    expect(r.ok && r.hits.length).toBe(MAX_HITS);
    expect(r.ok && r.truncated).toBe(true);
  });
});

describe("applyHits", () => {
  it("applies all hits, or only the chosen ones, keeping offsets right", () => {
    const r = findAll(segs, { ...plain, query: "seoul" }, "Busan");
    if (!r.ok) throw new Error(r.message);
    expect(applyHits(segs, r.hits)).toEqual({
      0: "Busan to open bridge",
      1: "The bridge in Busan opens. Busan-bound traffic waits.",
    });
    expect(applyHits(segs, [r.hits[2]!])).toEqual({
      1: "The bridge in Seoul opens. Busan-bound traffic waits.",
    });
  });

  it("replaces Hangul and leaves unchanged segments out", () => {
    const r = findAll(segs, { ...plain, query: "서울", wholeWord: true }, "부산");
    if (!r.ok) throw new Error(r.message);
    expect(applyHits(segs, r.hits)).toEqual({ 2: "서울에서 부산 시민이 다리를 건넌다." });
    const same = findAll(segs, { ...plain, query: "bridge" }, "bridge");
    expect(same.ok && applyHits(segs, same.hits)).toEqual({});
  });

  it("skips a hit whose text no longer matches (the segment changed since the search)", () => {
    const r = findAll(segs, { ...plain, query: "bridge" }, "span");
    if (!r.ok) throw new Error(r.message);
    const edited = [{ index: 0, text: "Seoul to open a bridge" }, segs[1]!];
    expect(applyHits(edited, r.hits)).toEqual({
      1: "The span in Seoul opens. seoul-bound traffic waits.",
    });
  });
});
