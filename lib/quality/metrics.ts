/**
 * Translation-quality metrics for comparing machine translation (MT) with a reference text.
 *
 * TER — Translation Edit Rate (Snover, Dorr, Schwartz, Micciulla & Makhoul 2006, "A Study of
 * Translation Edit Rate with Targeted Human Annotation", AMTA). The minimum number of edits
 * (insertions, deletions, substitutions of single words, and shifts of contiguous word blocks,
 * each counting as one edit) that turn the hypothesis into the reference, divided by the
 * number of reference words, ×100. Lower is better; it can exceed 100. The shift search is
 * greedy and bounded, exactly as in Tercom and sacrebleu, so TER is an upper bound on the true
 * minimum. HTER ("human-targeted" TER) is TER of the MT output against its post-edited
 * version: `ter(mt, postEdited)` estimates how much a reviewer had to change.
 *
 * chrF — character n-gram F-score (Popović 2015, "chrF: character n-gram F-score for automatic
 * MT evaluation", WMT). Character 1- to 6-grams of both texts (whitespace removed) are
 * matched; precision and recall are averaged over the n-gram orders and combined into an
 * F-beta score with beta = 2 (recall weighs twice as much as precision), ×100. Higher is
 * better. It needs no tokenisation, which suits languages such as Korean.
 *
 * Both are faithful ports of sacrebleu 2.x (Post 2018, "A Call for Clarity in Reporting BLEU
 * Scores", WMT) with its default settings and agree with `sacrebleu.metrics.TER()` and
 * `sacrebleu.metrics.CHRF()` sentence and corpus scores:
 * - TER: case-insensitive, whitespace tokenisation, no normalisation, punctuation kept;
 *   shifts of up to 10 words over up to 50 positions, beam width 25, at most 1000 shift
 *   candidates per segment. Corpus TER = total edits / total reference words. Empty reference:
 *   0 if the hypothesis is empty too, else 100.
 * - chrF: char_order 6, word_order 0, beta 2, case-sensitive, whitespace ignored, effective-
 *   order averaging (eps_smoothing=False). Corpus chrF sums n-gram statistics over segments
 *   and scores once (it is not the mean of sentence scores). An empty reference or an empty
 *   hypothesis scores 0.
 * Known gaps: JavaScript's lowercasing follows a newer Unicode version than CPython's, which
 * only matters for letters added since Unicode 14.
 *
 * The remaining helpers are simple descriptive measures for the review workbench.
 */

import { splitWords } from "./ter";

export { ter, terCorpus } from "./ter";
export { chrf, chrfCorpus } from "./chrf";

/**
 * Levenshtein distance between the whitespace-split words of `a` and `b` (insertions,
 * deletions and substitutions of whole words; case-sensitive; no shifts).
 */
export function wordEditDistance(a: string, b: string): number {
  const wa = splitWords(a);
  const wb = splitWords(b);
  // Two rolling rows over b: prev[j] is the distance from wa[0..i) to wb[0..j).
  let prev = Array.from({ length: wb.length + 1 }, (_, j) => j);
  let cur = new Array<number>(wb.length + 1).fill(0);
  wa.forEach((wordA, i) => {
    cur[0] = i + 1;
    wb.forEach((wordB, j) => {
      const substitute = (prev[j] ?? 0) + (wordA === wordB ? 0 : 1);
      const remove = (prev[j + 1] ?? 0) + 1;
      const insert = (cur[j] ?? 0) + 1;
      cur[j + 1] = Math.min(substitute, remove, insert);
    });
    [prev, cur] = [cur, prev];
  });
  return prev[wb.length] ?? 0;
}

/**
 * Share (0..1) of segments whose current text differs from the MT text, compared exactly.
 * An empty article has share 0.
 */
export function editedShare(mt: readonly string[], current: readonly string[]): number {
  if (mt.length !== current.length) {
    throw new RangeError(`editedShare: ${mt.length} MT segments but ${current.length} current`);
  }
  if (mt.length === 0) return 0;
  const edited = mt.filter((text, i) => text !== current[i]).length;
  return edited / mt.length;
}
