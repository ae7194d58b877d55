// chrF, ported from sacrebleu 2.x (`sacrebleu/metrics/chrf.py`, `sacrebleu/metrics/helpers.py`)
// with CHRF's defaults: char_order=6, word_order=0, beta=2, case-sensitive, whitespace
// removed, eps_smoothing=False (effective-order averaging, as sacrebleu < 2.0 did).

import { splitWords } from "./ter";

const CHAR_ORDER = 6;
const BETA = 2;

/** Flat [hyp, ref, match] counts per n-gram order, as sacrebleu's statistics list. */
type ChrfStatistics = number[];

/**
 * `extract_all_char_ngrams` with include_whitespace=False: drop all whitespace
 * (`''.join(line.split())`), then count n-grams of 1..maxOrder characters. Python indexes
 * strings by code point, so n-grams are taken over code points, not UTF-16 units: one
 * Hangul syllable or one emoji is one character.
 */
function extractAllCharNgrams(line: string, maxOrder: number): Map<string, number>[] {
  const text = splitWords(line).join("");
  // Code-unit offset of every code point, plus the end, so n-grams can be sliced directly.
  const offsets: number[] = [];
  let unit = 0;
  for (const ch of text) {
    offsets.push(unit);
    unit += ch.length;
  }
  offsets.push(unit);
  const nChars = offsets.length - 1;

  const counters: Map<string, number>[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const counts = new Map<string, number>();
    for (let i = 0; i + n <= nChars; i++) {
      const gram = text.slice(offsets[i], offsets[i + n]);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    counters.push(counts);
  }
  return counters;
}

/**
 * `_get_match_statistics`: [hyp n-gram count, ref n-gram count, clipped matches]. When the
 * reference has no n-grams of this order, the hypothesis count is reported as 0 so that the
 * order drops out of the effective order.
 */
function matchStatistics(
  hyp: Map<string, number>,
  ref: Map<string, number>,
): [number, number, number] {
  let hypCount = 0;
  let matchCount = 0;
  for (const [gram, count] of hyp) {
    hypCount += count;
    const refCount = ref.get(gram);
    if (refCount !== undefined) matchCount += Math.min(count, refCount);
  }
  let refCount = 0;
  for (const count of ref.values()) refCount += count;
  return [ref.size > 0 ? hypCount : 0, refCount, matchCount];
}

/** `_compute_segment_statistics` for a single reference. */
function chrfStatistics(hypothesis: string, reference: string): ChrfStatistics {
  const hypNgrams = extractAllCharNgrams(hypothesis, CHAR_ORDER);
  const refNgrams = extractAllCharNgrams(reference, CHAR_ORDER);
  const stats: ChrfStatistics = [];
  for (let n = 0; n < CHAR_ORDER; n++) {
    // Both arrays have exactly CHAR_ORDER counters.
    stats.push(...matchStatistics(hypNgrams[n]!, refNgrams[n]!));
  }
  return stats;
}

/**
 * `_compute_f_score` with eps_smoothing=False: average precision and recall over the orders
 * where both sides have n-grams (the effective order), then take one F-beta of the averages.
 * Returns 0–100.
 */
function chrfScore(stats: ChrfStatistics): number {
  const factor = BETA ** 2;
  let avgPrec = 0;
  let avgRec = 0;
  let effectiveOrder = 0;
  for (let i = 0; i < CHAR_ORDER; i++) {
    const nHyp = stats[3 * i] ?? 0;
    const nRef = stats[3 * i + 1] ?? 0;
    const nMatch = stats[3 * i + 2] ?? 0;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += nMatch / nHyp;
      avgRec += nMatch / nRef;
      effectiveOrder++;
    }
  }
  if (effectiveOrder === 0) return 0;
  avgPrec /= effectiveOrder;
  avgRec /= effectiveOrder;
  if (avgPrec + avgRec === 0) return 0;
  // Same operation order as upstream, so results agree to the last bit.
  let score = (1 + factor) * avgPrec * avgRec;
  score /= factor * avgPrec + avgRec;
  return 100 * score;
}

/** Sentence-level chrF2 (0–100) of `hypothesis` against `reference`: a corpus of one. */
export function chrf(hypothesis: string, reference: string): number {
  return chrfScore(chrfStatistics(hypothesis, reference));
}

/** Corpus chrF2: n-gram statistics are summed over all segments, then scored once. */
export function chrfCorpus(hypotheses: readonly string[], references: readonly string[]): number {
  if (hypotheses.length !== references.length) {
    throw new RangeError(
      `chrfCorpus: ${hypotheses.length} hypotheses but ${references.length} references`,
    );
  }
  const total: ChrfStatistics = new Array<number>(3 * CHAR_ORDER).fill(0);
  hypotheses.forEach((hypothesis, i) => {
    chrfStatistics(hypothesis, references[i]!).forEach((value, k) => {
      total[k] = (total[k] ?? 0) + value;
    });
  });
  return chrfScore(total);
}
