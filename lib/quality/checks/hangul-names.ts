// Ties an English name mention to the Hangul it renders, using the segment's Korean source.
// Two spellings that render the same Hangul are one name however far apart the letters are:
// 정동영 as "Chung Dong-young" and "Jeong Dong-yeong", 박서연 as "Park" and "Bak", 고진영 as
// "Ko" and "Go". Spelling alone cannot tell those apart from different people; the source can.
//
// How: each Hangul syllable is romanised with Revised Romanization (es-hangul's `romanize`,
// one syllable at a time so no sound change crosses a name's syllables, as in personal names),
// and each English syllable (words split on spaces and hyphens) is compared by a loose key:
// onset consonant class, glide and final consonant class. Vowels are ignored because they are
// what romanisations disagree on (eo/u/o, ae/e, eu/u, ui/eui); consonant classes merge the
// voiced/unvoiced and aspirated spellings systems differ on (g/k, d/t, b/p, j/ch, r/l). For
// the family-name syllable the onset is dropped entirely, since 이/리, 노/로, 류/유 are written
// Lee/Yi/Rhee, Roh/No/Noh, Ryu/Yoo/Yu. A mention is anchored only when its syllables match a
// run of Hangul syllables in the same segment's source one for one.

import { romanize } from "es-hangul";

/** A Korean personal name is 2–4 syllables; shorter or longer runs are not anchored. */
const MIN_SYLLABLES = 2;
const MAX_SYLLABLES = 4;

// One romanised Korean syllable: optional onset consonants, optional glide, vowels, coda.
const SYLLABLE = /^([^aeiouwy]*)([wy]?)([aeiou]+)([^aeiouwy]*)$/;

const ONSET_CLASS: Record<string, string> = {
  "": "",
  g: "K",
  k: "K",
  kk: "K",
  gh: "K",
  d: "T",
  t: "T",
  tt: "T",
  b: "P",
  p: "P",
  pp: "P",
  j: "J",
  ch: "J",
  c: "J",
  jj: "J",
  ts: "J",
  s: "S",
  ss: "S",
  sh: "S",
  h: "H",
  m: "M",
  n: "N",
  r: "L",
  l: "L",
  rh: "L",
};

const CODA_CLASS: Record<string, string> = {
  "": "",
  h: "", // "Roh", "Oh", "Noh": the h only lengthens the vowel
  n: "N",
  ng: "NG",
  m: "M",
  k: "K",
  g: "K",
  kk: "K",
  ck: "K",
  rk: "K", // "Park" for 박
  l: "L",
  r: "L",
  ll: "L",
  p: "P",
  b: "P",
  t: "T",
  d: "T",
  s: "T",
};

/** Loose key of one romanised syllable, or null when it does not look like one. */
function syllableKey(romanised: string, isFamilyName: boolean): string | null {
  const m = SYLLABLE.exec(romanised.toLowerCase());
  if (!m) return null;
  const [, onset = "", glide = "", , coda = ""] = m;
  const onsetClass = ONSET_CLASS[onset];
  const codaClass = CODA_CLASS[coda];
  if (onsetClass === undefined || codaClass === undefined) return null;
  // Family names: 이 is "Lee", "Yi", "Rhee"; 류 "Ryu", "Yu"; so onset and glide are dropped.
  if (isFamilyName) return `|${codaClass}`;
  return `${onsetClass}${glide}|${codaClass}`;
}

/** Syllable keys of an English name written family name first, or null if it is not Korean-like. */
function englishKeys(words: readonly string[]): string[] | null {
  const syllables = words.flatMap((word) => word.split("-"));
  if (syllables.length < MIN_SYLLABLES || syllables.length > MAX_SYLLABLES) return null;
  const keys: string[] = [];
  for (const [i, syllable] of syllables.entries()) {
    const key = syllableKey(syllable, i === 0);
    if (key === null) return null;
    keys.push(key);
  }
  return keys;
}

const romanCache = new Map<string, string>();

function hangulKey(syllable: string, isFamilyName: boolean): string | null {
  let romanised = romanCache.get(syllable);
  if (romanised === undefined) {
    romanised = romanize(syllable);
    romanCache.set(syllable, romanised);
  }
  return syllableKey(romanised, isFamilyName);
}

/**
 * The Hangul name in `source` that `name` renders, e.g. "정동영" for "Jeong Dong-yeong", or null.
 * Titles the name finder keeps ("Artist", "Coach") may precede the name, so runs of
 * consecutive words are tried, longest first, each in both orders ("Dong-young Chung" is the
 * same name). When different Hangul names match, there is no answer: ambiguous evidence is no
 * evidence.
 */
export function hangulAnchor(name: string, source: string): string | null {
  const all = name.split(/\s+/).filter((w) => w !== "");
  const runs = [...source.matchAll(/\p{Script=Hangul}+/gu)].map((m) => m[0]);
  for (let length = all.length; length >= 1; length--) {
    const found = new Set<string>();
    for (let from = 0; from + length <= all.length; from++) {
      const words = all.slice(from, from + length);
      const orders = length > 1 ? [words, [...words.slice(-1), ...words.slice(0, -1)]] : [words];
      for (const order of orders) {
        for (const anchor of matchingRuns(order, runs)) found.add(anchor);
      }
    }
    if (found.size > 0) return found.size === 1 ? ([...found][0] ?? null) : null;
  }
  return null;
}

/** Hangul substrings of the runs whose syllables match the words' syllables one for one. */
function matchingRuns(words: readonly string[], runs: readonly string[]): string[] {
  const keys = englishKeys(words);
  if (!keys) return [];
  const found: string[] = [];
  for (const run of runs) {
    const syllables = [...run];
    // Particles follow the name inside a run ("정동영은"), titles may precede it ("故정동영").
    for (let from = 0; from + keys.length <= syllables.length; from++) {
      const candidate = syllables.slice(from, from + keys.length);
      if (candidate.every((s, i) => hangulKey(s, i === 0) === keys[i])) {
        found.push(candidate.join(""));
      }
    }
  }
  return found;
}
