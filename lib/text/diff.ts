import { diffArrays } from "diff";
import { isWordToken, tokenize } from "@/lib/text/tokenize";

/** One run of a diff. Keys `added`/`removed` are present only when true. */
export interface Change {
  value: string;
  added?: true;
  removed?: true;
}

export interface SegmentText {
  index: number;
  text: string;
}

export interface SegmentDiff {
  index: number;
  changes: Change[];
}

export interface DiffStats {
  wordsAdded: number;
  wordsRemoved: number;
}

export interface SegmentsDiff {
  segments: SegmentDiff[];
  stats: DiffStats & { segmentsChanged: number };
}

// Myers' cost grows roughly with the square of the edit distance: a full rewrite of 5k English
// words (10k tokens) took 4.6 s unbounded, ~100 ms to give up at 1000. Past that many token edits
// the text is a rewrite anyway, so one removal + one addition is as readable.
const MAX_EDIT_LENGTH = 1000;

const WHITESPACE_ONLY = /^\s+$/u;

/**
 * Word-level diff. Joining the values of non-removed changes gives `to`; joining the values of
 * non-added changes gives `from`. Within a run of edits the removal comes before the addition.
 */
export function diffText(from: string, to: string, lang?: string): Change[] {
  if (from === to) return from ? [{ value: from }] : [];
  const parts = diffArrays(tokenize(from, lang), tokenize(to, lang), {
    maxEditLength: MAX_EDIT_LENGTH,
  });
  const changes: Change[] = [];
  if (!parts) {
    pushEdit(changes, from, to);
    return changes;
  }
  let removed = "";
  let added = "";
  for (const part of parts) {
    const value = part.value.join("");
    if (part.removed) removed += value;
    else if (part.added) added += value;
    else {
      pushEdit(changes, removed, added);
      removed = added = "";
      changes.push({ value });
    }
  }
  pushEdit(changes, removed, added);
  return changes;
}

/**
 * Appends a removal/addition pair. A replacement separated from the previous replacement only by
 * whitespace is fused with it, so "the cat" → "a dog" shows as one edit, not two interleaved.
 */
function pushEdit(changes: Change[], removed: string, added: string): void {
  const [prevRemoved, prevAdded, gap] = changes.slice(-3);
  if (
    removed &&
    added &&
    prevRemoved?.removed &&
    prevAdded?.added &&
    gap &&
    !gap.added &&
    !gap.removed &&
    WHITESPACE_ONLY.test(gap.value)
  ) {
    changes.length -= 3;
    removed = prevRemoved.value + gap.value + removed;
    added = prevAdded.value + gap.value + added;
  }
  if (removed) changes.push({ value: removed, removed: true });
  if (added) changes.push({ value: added, added: true });
}

/** Counts word tokens (not whitespace or punctuation) in added and removed changes. */
export function diffStats(changes: Change[], lang?: string): DiffStats {
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const change of changes) {
    if (change.added) wordsAdded += countWords(change.value, lang);
    if (change.removed) wordsRemoved += countWords(change.value, lang);
  }
  return { wordsAdded, wordsRemoved };
}

function countWords(text: string, lang: string | undefined): number {
  return tokenize(text, lang).filter(isWordToken).length;
}

/**
 * Diffs segments matched by index; a segment missing on one side counts as empty text.
 * Lists every index present on either side, in ascending order.
 */
export function diffSegments(from: SegmentText[], to: SegmentText[], lang?: string): SegmentsDiff {
  const fromByIndex = textByIndex(from);
  const toByIndex = textByIndex(to);
  const indexes = [...new Set([...fromByIndex.keys(), ...toByIndex.keys()])].sort((a, b) => a - b);

  const segments: SegmentDiff[] = [];
  const stats = { wordsAdded: 0, wordsRemoved: 0, segmentsChanged: 0 };
  for (const index of indexes) {
    const fromText = fromByIndex.get(index) ?? "";
    const toText = toByIndex.get(index) ?? "";
    const changes = diffText(fromText, toText, lang);
    segments.push({ index, changes });
    if (fromText === toText) continue;
    const { wordsAdded, wordsRemoved } = diffStats(changes, lang);
    stats.wordsAdded += wordsAdded;
    stats.wordsRemoved += wordsRemoved;
    stats.segmentsChanged += 1;
  }
  return { segments, stats };
}

function textByIndex(segments: SegmentText[]): Map<number, string> {
  const byIndex = new Map<number, string>();
  for (const { index, text } of segments) {
    // Two texts for one index would make the diff silently pick one; fail loudly instead.
    if (byIndex.has(index)) throw new Error(`Duplicate segment index ${index}`);
    byIndex.set(index, text);
  }
  return byIndex;
}
