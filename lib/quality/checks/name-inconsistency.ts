// name-inconsistency: one name written two ways in an article ("Lee Jae-myung" in one
// paragraph, "Lee Jae-myeong" in another), or differently from the glossary.
// Which spellings count as variants is decided in name-spelling.ts; three further cases:
// - word by word across phrases and word orders: "Zelenskyy Volodymyr" in a caption, then
//   "Volodymyr Zelensky" and "President Zelensky" in the body. Mentions are aligned word
//   for word (the shorter one's words must all match words of the longer one, equal or
//   variant), so "Zelenskyy" is a variant of "Zelensky" while "Yun Byung-se" and "Yoon Suk
//   Yeol" (two people) are not, though "Yun" and "Yoon" are the same romanised surname;
// - the same words in another order: "Kane Harry" beside "Harry Kane". Korean captions put
//   the family name first, which MT copies for Western names; a caption's form gives way;
// - the same Hangul in the source rendered two ways ("Chung"/"Jeong Dong-young" for 정동영),
//   however far apart the spellings (hangul-names.ts).

import { isCaption } from "@/lib/ingest/captions";
import { hangulAnchor } from "./hangul-names";
import {
  areNameVariants,
  findNameMentions,
  lowercaseVocabulary,
  nameSkeleton,
  type NameMention,
} from "./name-spelling";
import type { CheckContext, CheckSegment, Warning } from "./types";

interface Occurrence extends NameMention {
  segmentIndex: number;
  caption: boolean;
}

interface Spelling {
  text: string;
  occurrences: Occurrence[];
  fromGlossary: boolean;
  /** Hangul names this spelling renders somewhere in the article (usually zero or one). */
  anchors: Set<string>;
}

export function checkNameInconsistency(ctx: CheckContext): Warning[] {
  const spellings = [...collectSpellings(ctx).values()];
  const clusters = clusterVariants(spellings);
  const warnings = [
    ...spellingWarnings(clusters),
    ...wordWarnings(spellings, clusters),
    ...orderWarnings(spellings),
  ];
  return mergeOverlapping(warnings);
}

function collectSpellings(ctx: CheckContext): Map<string, Spelling> {
  const vocabulary = lowercaseVocabulary(ctx.segments.map((s) => s.text));
  const spellings = new Map<string, Spelling>();
  const spellingOf = (text: string) => {
    let spelling = spellings.get(text);
    if (!spelling) {
      spelling = { text, occurrences: [], fromGlossary: false, anchors: new Set() };
      spellings.set(text, spelling);
    }
    return spelling;
  };

  for (const segment of ctx.segments) {
    const caption = isCaptionSegment(segment);
    for (const mention of findNameMentions(segment.text, vocabulary)) {
      const spelling = spellingOf(mention.text);
      spelling.occurrences.push({ ...mention, segmentIndex: segment.index, caption });
      const anchor = segment.source === null ? null : hangulAnchor(mention.text, segment.source);
      if (anchor) spelling.anchors.add(anchor);
    }
  }
  for (const entry of ctx.glossary) {
    const term = entry.target.trim();
    // Only glossary targets that are one name phrase as a whole ("Lee Jae-myung").
    const [only, ...more] = findNameMentions(term, new Set());
    if (only && more.length === 0 && only.text === term) {
      const spelling = spellingOf(term);
      spelling.fromGlossary = true;
      const anchor = hangulAnchor(term, entry.source);
      if (anchor) spelling.anchors.add(anchor);
    }
  }
  return spellings;
}

/** Callers that know the kind pass it; otherwise the text's credit line decides. */
function isCaptionSegment(segment: CheckSegment): boolean {
  return segment.kind === undefined ? isCaption(segment.text) : segment.kind === "CAPTION";
}

const trusted = (s: Spelling) => s.fromGlossary || s.occurrences.some((o) => o.reliable);

function sharedAnchor(a: Spelling, b: Spelling): string | undefined {
  return [...a.anchors].find((anchor) => b.anchors.has(anchor));
}

/**
 * Groups whole spellings linked by variant pairs (a pair needs at least one reliable side)
 * or by rendering the same Hangul name (the source is evidence enough on its own).
 */
function clusterVariants(list: Spelling[]): Spelling[][] {
  const parent = list.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };

  list.forEach((a, i) => {
    for (let j = i + 1; j < list.length; j++) {
      const b = list[j];
      if (!b) continue;
      const variants = (trusted(a) || trusted(b)) && areNameVariants(a.text, b.text);
      if (variants || sharedAnchor(a, b)) parent[root(j)] = root(i);
    }
  });

  const groups = new Map<number, Spelling[]>();
  list.forEach((spelling, i) => {
    const group = groups.get(root(i)) ?? [];
    group.push(spelling);
    groups.set(root(i), group);
  });
  return [...groups.values()].filter(
    (group) => group.length > 1 && group.some((s) => s.occurrences.length > 0),
  );
}

function spellingWarnings(clusters: Spelling[][]): Warning[] {
  const warnings: Warning[] = [];
  for (const cluster of clusters) {
    const preferred = preferredSpelling(cluster);
    const firstUse = preferred.occurrences[0];
    for (const spelling of cluster) {
      if (spelling === preferred) continue;
      const anchor = sharedAnchor(spelling, preferred);
      const hangul =
        anchor && !areNameVariants(spelling.text, preferred.text) ? ` (${anchor})` : "";
      for (const occurrence of spelling.occurrences) {
        const message = preferred.fromGlossary
          ? `Name "${spelling.text}" differs from glossary '${preferred.text}'.`
          : `Name "${spelling.text}" is spelled "${preferred.text}"${hangul} ${where(firstUse, occurrence)}; use one spelling throughout.`;
        warnings.push(at(occurrence, occurrence.start, occurrence.end, message));
      }
    }
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------
// Word by word

interface Word {
  text: string;
  /** Offset in the mention text. */
  start: number;
}

function nameWords(text: string): Word[] {
  return [...text.matchAll(/[^\s\u00a0]+/gu)].map((m) => ({ text: m[0], start: m.index }));
}

/**
 * Cheap necessary condition for alignNames: variants share their first letter (see
 * areNameVariants), so every initial of the shorter mention must be among the longer's.
 * Articles can hold thousands of spellings, and most pairs fail here.
 */
function mayAlign(a: string, b: string): boolean {
  const initialsA = initialsOf(a);
  const initialsB = initialsOf(b);
  const [short, long] =
    initialsA.length <= initialsB.length ? [initialsA, initialsB] : [initialsB, initialsA];
  return [...short].every((c) => long.includes(c));
}

const initialsCache = new Map<string, string>();

function initialsOf(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) {
    if (initialsCache.size >= 20_000) initialsCache.clear();
    initials = nameWords(name)
      .map((w) => nameSkeleton(w.text).charAt(0))
      .join("");
    initialsCache.set(name, initials);
  }
  return initials;
}

interface Alignment {
  /** Word pairs (word of a, word of b) that are variants rather than equal. */
  respelled: [Word, Word][];
  /** Same words (two or more), another order. */
  reordered: boolean;
}

/**
 * Matches every word of the shorter mention to a distinct word of the longer one, equal words
 * first, then variants. Null when some word has no counterpart or nothing differs.
 */
export function alignNames(a: string, b: string): Alignment | null {
  const wordsA = nameWords(a);
  const wordsB = nameWords(b);
  const swapped = wordsA.length > wordsB.length;
  const [short, long] = swapped ? [wordsB, wordsA] : [wordsA, wordsB];
  const used = new Set<number>();
  const positions: number[] = [];
  const respelled: [Word, Word][] = [];
  const free = (i: number) => !used.has(i);
  for (const word of short) {
    let index = long.findIndex(
      (w, i) => free(i) && w.text.toLowerCase() === word.text.toLowerCase(),
    );
    const exact = index !== -1;
    if (!exact) index = long.findIndex((w, i) => free(i) && areNameVariants(w.text, word.text));
    const match = long[index];
    if (!match) return null;
    used.add(index);
    positions.push(index);
    if (!exact) respelled.push(swapped ? [match, word] : [word, match]);
  }
  const reordered =
    short.length >= 2 &&
    short.length === long.length &&
    positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0));
  return respelled.length > 0 || reordered ? { respelled, reordered } : null;
}

/** Words spelled two ways inside otherwise matching mentions: the less used word is flagged. */
function wordWarnings(spellings: Spelling[], clusters: Spelling[][]): Warning[] {
  const clusterOf = new Map<Spelling, number>();
  clusters.forEach((cluster, i) => cluster.forEach((s) => clusterOf.set(s, i)));

  // Union-find over word texts linked by respelled pairs.
  const parent = new Map<string, string>();
  const root = (w: string): string => {
    let r = w;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  const link = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(root(b), root(a));
  };

  spellings.forEach((a, i) => {
    for (const b of spellings.slice(i + 1)) {
      // Whole-spelling clusters already report these two.
      const sameCluster = clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b);
      if (sameCluster || !(trusted(a) || trusted(b)) || !mayAlign(a.text, b.text)) continue;
      for (const [wordA, wordB] of alignNames(a.text, b.text)?.respelled ?? []) {
        link(wordA.text, wordB.text);
      }
    }
  });
  if (parent.size === 0) return [];

  // Weight of a word: how often it is used (a glossary spelling always wins), then first use.
  const usage = new Map<string, { count: number; first: number }>();
  for (const spelling of spellings) {
    for (const word of nameWords(spelling.text)) {
      if (!parent.has(word.text)) continue;
      const use = usage.get(word.text) ?? { count: 0, first: Infinity };
      use.count += spelling.fromGlossary ? 1e6 : spelling.occurrences.length;
      for (const o of spelling.occurrences) {
        use.first = Math.min(use.first, position(o.segmentIndex, o.start + word.start));
      }
      usage.set(word.text, use);
    }
  }
  const weight = (w: string) => usage.get(w) ?? { count: 0, first: Infinity };
  const better = (x: string, y: string) =>
    weight(x).count > weight(y).count ||
    (weight(x).count === weight(y).count && weight(x).first < weight(y).first);
  const preferred = new Map<string, string>();
  for (const word of parent.keys()) {
    const best = preferred.get(root(word));
    if (best === undefined || better(word, best)) preferred.set(root(word), word);
  }

  const warnings: Warning[] = [];
  for (const spelling of spellings) {
    for (const word of nameWords(spelling.text)) {
      const target = parent.has(word.text) ? preferred.get(root(word.text)) : undefined;
      if (target === undefined || target === word.text) continue;
      for (const occurrence of spelling.occurrences) {
        const start = occurrence.start + word.start;
        const message = `Name "${word.text}" is spelled "${target}" elsewhere in the article; use one spelling throughout.`;
        warnings.push(at(occurrence, start, start + word.text.length, message));
      }
    }
  }
  return warnings;
}

/**
 * The same name with its words in another order (see yieldingOrder for which one is flagged).
 */
function orderWarnings(spellings: Spelling[]): Warning[] {
  const warnings: Warning[] = [];
  const korean = (a: Spelling, b: Spelling) => a.anchors.size > 0 || b.anchors.size > 0;
  const firstUse = (s: Spelling) => s.occurrences[0];
  spellings.forEach((a, i) => {
    for (const b of spellings.slice(i + 1)) {
      if (!(trusted(a) || trusted(b)) || !mayAlign(a.text, b.text)) continue;
      if (!alignNames(a.text, b.text)?.reordered) continue;
      const [flagged, kept] = yieldingOrder(a, b) === a ? [a, b] : [b, a];
      for (const occurrence of flagged.occurrences) {
        const why =
          occurrence.caption && !korean(flagged, kept)
            ? " (a caption's family-name-first order does not carry over to this name)"
            : "";
        const message = `Name "${flagged.text}" is written "${kept.text}" ${where(firstUse(kept), occurrence)}${why}; use one order throughout.`;
        warnings.push(at(occurrence, occurrence.start, occurrence.end, message));
      }
    }
  });
  return warnings;
}

/**
 * Which of two word orders gives way. A Korean name (its Hangul is in the source) keeps the
 * family name first, before a hyphenated given name ("Lee Jae-myung", not "Jae-myung Lee").
 * Otherwise a caption-only form, else the rarer, else the later.
 */
function yieldingOrder(a: Spelling, b: Spelling): Spelling {
  const korean = a.anchors.size > 0 || b.anchors.size > 0;
  const familyFirst = (s: Spelling) => {
    const words = nameWords(s.text);
    return words.length >= 2 && (words.at(-1)?.text.includes("-") ?? false);
  };
  if (korean && familyFirst(a) !== familyFirst(b)) return familyFirst(a) ? b : a;
  const captionOnly = (s: Spelling) =>
    s.occurrences.length > 0 && s.occurrences.every((o) => o.caption);
  if (captionOnly(a) !== captionOnly(b)) return captionOnly(a) ? a : b;
  if (a.occurrences.length !== b.occurrences.length) {
    return a.occurrences.length < b.occurrences.length ? a : b;
  }
  const first = (s: Spelling) => {
    const o = s.occurrences[0];
    return o ? position(o.segmentIndex, o.start) : Infinity;
  };
  return first(a) > first(b) ? a : b;
}

// ---------------------------------------------------------------------------------------

/** Orders places in the article: segment first, then offset. */
function position(segmentIndex: number, start: number): number {
  return segmentIndex * 1e9 + start;
}

function at(occurrence: Occurrence, start: number, end: number, message: string): Warning {
  return {
    segmentIndex: occurrence.segmentIndex,
    check: "name-inconsistency",
    message,
    start,
    end,
  };
}

/** One warning per place: overlapping ones (a respelled word inside a reordered name) merge. */
function mergeOverlapping(warnings: Warning[]): Warning[] {
  const sorted = [...warnings].sort(
    (a, b) => a.segmentIndex - b.segmentIndex || (a.start ?? 0) - (b.start ?? 0),
  );
  const merged: Warning[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.segmentIndex === w.segmentIndex &&
      (w.start ?? 0) < (last.end ?? 0) &&
      (last.start ?? 0) < (w.end ?? 0)
    ) {
      merged[merged.length - 1] = {
        ...last,
        start: Math.min(last.start ?? 0, w.start ?? 0),
        end: Math.max(last.end ?? 0, w.end ?? 0),
        message: last.message === w.message ? last.message : `${last.message} ${w.message}`,
      };
    } else {
      merged.push(w);
    }
  }
  return merged;
}

/** The glossary spelling if any, else the most used one, else the one used first. */
function preferredSpelling(cluster: Spelling[]): Spelling {
  const glossary = cluster.find((s) => s.fromGlossary);
  if (glossary) return glossary;
  const firstPosition = (s: Spelling) => {
    const first = s.occurrences[0];
    return first ? [first.segmentIndex, first.start] : [Infinity, Infinity];
  };
  return [...cluster].sort((a, b) => {
    const [segmentA = 0, startA = 0] = firstPosition(a);
    const [segmentB = 0, startB = 0] = firstPosition(b);
    return b.occurrences.length - a.occurrences.length || segmentA - segmentB || startA - startB;
  })[0] as Spelling;
}

function where(preferredUse: Occurrence | undefined, occurrence: Occurrence): string {
  if (!preferredUse) return "elsewhere";
  return preferredUse.segmentIndex === occurrence.segmentIndex
    ? "elsewhere in this segment"
    : `in segment ${preferredUse.segmentIndex}`;
}
