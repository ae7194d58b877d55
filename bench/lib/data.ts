import type { IngestArticleInput } from "@/lib/ingest/schema";

// Deterministic generated text, so every run measures the same data. Words are pseudo-English
// made from syllables (any tokenizer treats them as words); sources are random Hangul syllables.

export type Rand = () => number;

/** mulberry32: a small, fast, seeded PRNG. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export const pick = <T>(rand: Rand, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)]!;

const SYLLABLES = ["ba", "ko", "ri", "tel", "man", "sen", "do", "ver", "al", "pi", "nor", "us"];
const SHORT = ["the", "a", "of", "and", "to", "in", "on", "for", "with", "by", "as", "at"];

/** `size` (at most 20,000) distinct pseudo-words of 2–4 syllables. */
export function vocabulary(size: number, seed = 7): string[] {
  if (size > 20_000) throw new Error("vocabulary: at most 20,000 words");
  const rand = seeded(seed);
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length: n }, () => pick(rand, SYLLABLES)).join(""));
  }
  return [...words];
}

const VOCAB = vocabulary(2000);

/** A sentence-like run of `words` words, capitalised, commas here and there, ending in a period. */
export function englishText(rand: Rand, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    let w = rand() < 0.35 ? pick(rand, SHORT) : pick(rand, VOCAB);
    if (i === 0 || out[i - 1]!.endsWith(".")) w = w[0]!.toUpperCase() + w.slice(1);
    const end = i === words - 1 ? "." : rand() < 0.06 ? "." : rand() < 0.08 ? "," : "";
    out.push(w + end);
  }
  return out.join(" ");
}

export function koreanText(rand: Rand, words: number): string {
  const word = () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
      String.fromCharCode(0xac00 + Math.floor(rand() * 11172)),
    ).join("");
  return Array.from({ length: words }, word).join(" ") + ".";
}

export const AI_FOOTER = "This article has been translated by AI. Share your feedback here.";

/** An article of a title plus `paragraphs` paragraphs of about `wordsPerParagraph` words. */
export function articleInput(
  rand: Rand,
  opts: {
    paragraphs: number;
    wordsPerParagraph: number;
    externalId: string;
    engine?: { name: string; version?: string };
  },
): IngestArticleInput {
  const mt: string[] = [];
  const source: string[] = [];
  for (let i = 0; i < opts.paragraphs; i++) {
    mt.push(englishText(rand, opts.wordsPerParagraph));
    source.push(koreanText(rand, Math.round(opts.wordsPerParagraph * 0.7)));
  }
  return {
    sourceLang: "ko",
    targetLang: "en",
    engine: opts.engine ?? { name: "Bench MT", version: "1" },
    externalId: opts.externalId,
    outlet: "Bench Outlet",
    title: { source: koreanText(rand, 6), mt: englishText(rand, 9) },
    source: source.join("\n\n"),
    mt: [...mt, AI_FOOTER].join("\n\n"),
  };
}

/** Replaces about `fraction` of the words of `text` (at least one): a reviewer's light post-edit. */
export function postEdit(rand: Rand, text: string, fraction: number): string {
  const words = text.split(" ");
  const replace = (w: string) => pick(rand, VOCAB) + (/[.,]$/.test(w) ? w.slice(-1) : "");
  const edited = words.map((w) => (rand() < fraction ? replace(w) : w));
  if (edited.join(" ") === text) edited[0] = `${replace(words[0]!)}x`;
  return edited.join(" ");
}
