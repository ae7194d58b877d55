import { diff3Merge } from "node-diff3";
import { tokenize } from "@/lib/text/tokenize";

// Three-way merge of a stale save onto the text someone else saved meanwhile
// (base = the revision I started from, theirs = the current revision, mine = my
// edit). Segments only one side changed are not conflicts; within a segment both
// sides changed, edits to words apart from each other merge (diff3 over the
// lossless word tokens the diffs use), while edits to the same or neighbouring
// words are a conflict: "10 billion" edited to "ten billion" and to
// "10 trillion" is one phrase changed two ways, for a person to settle.
// node-diff3 does the diff3 algorithm (Khanna, Kunal, Pierce 2007); we only
// choose the tokens and name the outcomes.

export type ConflictingSegment = {
  index: number;
  outcome: "conflict";
  base: string;
  theirs: string;
  mine: string;
};

export type SegmentMerge =
  | { index: number; outcome: "unchanged"; text: string }
  | { index: number; outcome: "mine" | "theirs" | "same" | "merged"; text: string }
  | ConflictingSegment;

export interface SegmentVersions {
  index: number;
  base: string;
  theirs: string;
  mine: string;
}

export function mergeSegment(v: SegmentVersions, lang?: string): SegmentMerge {
  const { index, base, theirs, mine } = v;
  if (mine === theirs) {
    return { index, outcome: mine === base ? "unchanged" : "same", text: mine };
  }
  if (theirs === base) return { index, outcome: "mine", text: mine };
  if (mine === base) return { index, outcome: "theirs", text: theirs };
  const words = (text: string) => wordsWithSpace(tokenize(text, lang));
  const regions = diff3Merge(words(mine), words(base), words(theirs), {
    excludeFalseConflicts: true,
  });
  if (regions.some((r) => r.conflict)) return { index, outcome: "conflict", base, theirs, mine };
  return { index, outcome: "merged", text: regions.flatMap((r) => r.ok ?? []).join("") };
}

/**
 * Each word keeps the whitespace after it, so neighbouring words are neighbouring
 * tokens: diff3 then sees edits to two adjacent words as touching (a conflict),
 * and a lone whitespace change as part of its word.
 */
function wordsWithSpace(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (out.length && /^\s+$/u.test(t)) out[out.length - 1] += t;
    else out.push(t);
  }
  return out;
}

export function mergeSegments(versions: SegmentVersions[], lang?: string): SegmentMerge[] {
  return versions.map((v) => mergeSegment(v, lang));
}
