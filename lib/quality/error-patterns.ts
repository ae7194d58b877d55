// Engine error patterns (issue 16): MT mistakes reviewers keep fixing the same way. Given the
// (MT, final text) pairs of one engine's reviewed segments, every word-level replacement —
// an MT substring removed and another text put in its place — is a candidate; one that occurs
// in at least MIN_SEGMENTS different segments is a pattern ("eldest son-in-law" → "eldest
// son"), listed with its count and a few examples and promotable to a custom QA rule.
//
// The diff is the one the history view shows (lib/text/diff.ts, jsdiff over word tokens). Each
// replacement is widened to whole words, and punctuation-only or case-only changes are left
// out: those are house style, not engine errors.

import { diffText } from "@/lib/text/diff";

export const MIN_SEGMENTS = 3;
const MAX_EXAMPLES = 3;
const MAX_SPAN_CHARS = 80;

export interface RevisedSegment {
  articleId: string;
  segmentIndex: number;
  mt: string;
  final: string;
}

export interface PatternExample {
  articleId: string;
  segmentIndex: number;
  mt: string;
  final: string;
}

export interface ErrorPattern {
  /** The MT text reviewers removed. */
  mt: string;
  /** What they put in its place. */
  replacement: string;
  /** Distinct segments with this replacement. */
  count: number;
  examples: PatternExample[];
}

export interface Replacement {
  removed: string;
  added: string;
}

const meaningful = (s: string) => /[\p{L}\p{N}]/u.test(s);
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/**
 * The replacements one edit made: each run of changes between unchanged text, widened to whole
 * words on both sides ("son-in-law" → "son" even though the diff only removed "-in-law").
 */
export function replacementsIn(mt: string, final: string, lang = "en"): Replacement[] {
  if (mt === final) return [];
  const found: Replacement[] = [];
  // Offsets of the current run in mt [ms, me) and in final [fs, fe).
  let mi = 0;
  let fi = 0;
  let run: { ms: number; fs: number } | null = null;
  const flush = () => {
    if (!run) return;
    let { ms, fs } = run;
    let me = mi;
    let fe = fi;
    run = null;
    const inWord = (text: string, at: number) =>
      at >= 0 && at < text.length && WORD_CHAR.test(text[at]!);
    // Widen only where the run cuts a word: a changed word character next to an unchanged one.
    // The unchanged text around the run is identical in both, so both sides move together.
    if ((me > ms && inWord(mt, ms)) || (fe > fs && inWord(final, fs))) {
      while (ms > 0 && fs > 0 && inWord(mt, ms - 1) && mt[ms - 1] === final[fs - 1]) {
        ms--;
        fs--;
      }
    }
    if ((me > ms && inWord(mt, me - 1)) || (fe > fs && inWord(final, fe - 1))) {
      while (me < mt.length && fe < final.length && inWord(mt, me) && mt[me] === final[fe]) {
        me++;
        fe++;
      }
    }
    const r = mt.slice(ms, me).trim();
    const a = final.slice(fs, fe).trim();
    if (!r || !a || !meaningful(r) || r.toLowerCase() === a.toLowerCase()) return;
    if (r.length > MAX_SPAN_CHARS || a.length > MAX_SPAN_CHARS) return;
    found.push({ removed: r, added: a });
  };
  for (const c of diffText(mt, final, lang)) {
    if (c.removed || c.added) {
      run ??= { ms: mi, fs: fi };
      if (c.removed) mi += c.value.length;
      else fi += c.value.length;
    } else if (run && c.value.trim() === "") {
      // A space between two changed words belongs to the replacement.
      mi += c.value.length;
      fi += c.value.length;
    } else {
      flush();
      mi += c.value.length;
      fi += c.value.length;
    }
  }
  flush();
  return found;
}

/** Patterns over one engine's revised segments, most frequent first. */
export function mineErrorPatterns(
  segments: readonly RevisedSegment[],
  opts: { minSegments?: number; lang?: string } = {},
): ErrorPattern[] {
  const min = opts.minSegments ?? MIN_SEGMENTS;
  const groups = new Map<
    string,
    { mt: string; replacement: string; seen: Map<string, PatternExample> }
  >();
  for (const s of segments) {
    for (const r of replacementsIn(s.mt, s.final, opts.lang)) {
      const key = `${r.removed.toLowerCase()}\u0000${r.added}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { mt: r.removed, replacement: r.added, seen: new Map() }));
      const where = `${s.articleId}\u0000${s.segmentIndex}`;
      if (!g.seen.has(where)) g.seen.set(where, { ...s });
    }
  }
  return [...groups.values()]
    .filter((g) => g.seen.size >= min)
    .map((g) => ({
      mt: g.mt,
      replacement: g.replacement,
      count: g.seen.size,
      examples: [...g.seen.values()].slice(0, MAX_EXAMPLES),
    }))
    .sort((a, b) => b.count - a.count || a.mt.localeCompare(b.mt));
}
