// Translation Edit Rate, ported from sacrebleu 2.x (`sacrebleu/metrics/ter.py` and
// `sacrebleu/metrics/lib_ter.py`, themselves a re-implementation of Tercom) with TER's
// default settings: case-insensitive, no normalisation, punctuation kept, no Asian support.
// Names in comments (`_shift`, `BeamEditDistance`, ...) point at the Python originals.

// Tercom-inspired limits (lib_ter.py).
const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DIST = 50;
const BEAM_WIDTH = 25;
// sacrebleu's own limits.
const MAX_CACHE_SIZE = 10000;
const MAX_SHIFT_CANDIDATES = 1000;

// Python uses int(1e16) for "not computed"; Infinity behaves the same in every comparison
// the algorithm makes (INF + cost is never smaller than INF).
const INF = Number.POSITIVE_INFINITY;

// Edit operations of the trace. Python uses the characters ' ', 's', 'i', 'd', 'x'.
const OP_NOP = 0;
const OP_SUB = 1;
const OP_INS = 2;
const OP_DEL = 3;
const OP_UNDEF = 4;

// Exactly the characters for which Python's str.isspace() is true, i.e. what str.split()
// splits on. JavaScript's \s differs (it includes U+FEFF, lacks U+001C–U+001F and U+0085).
const PY_WHITESPACE =
  /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** Python's `str.split()` with no arguments: split on whitespace runs, drop empty pieces. */
export function splitWords(text: string): string[] {
  return text.split(PY_WHITESPACE).filter((w) => w.length > 0);
}

/** TercomTokenizer with defaults: lowercase, then collapse whitespace; then `.split()`. */
function terTokens(sentence: string): string[] {
  return splitWords(sentence.toLowerCase());
}

/** One row of the edit-distance matrix: costs plus the op that produced each cell. */
interface Row {
  cost: Float64Array;
  ops: Uint8Array;
}

/** Trie node of the row cache: hypothesis word -> (row after that word, next level). */
interface CacheEntry {
  row: Row;
  next: Map<string, CacheEntry>;
}

interface EditResult {
  distance: number;
  /** Ops from the start of both sequences to the end (Python's `trace` string). */
  trace: number[];
}

/**
 * Port of `BeamEditDistance`: Levenshtein distance from a hypothesis to a fixed reference,
 * restricted to a beam around the (length-ratio) diagonal, with a trie cache of matrix rows
 * keyed by hypothesis prefixes. The cache matters because every shift candidate shares a
 * prefix with the hypothesis it was derived from, so only the changed suffix is recomputed.
 */
class BeamEditDistance {
  private readonly ref: readonly string[];
  private readonly nRef: number;
  private readonly initialRow: Row;
  private readonly cache = new Map<string, CacheEntry>();
  private cacheSize = 0;

  constructor(ref: readonly string[]) {
    this.ref = ref;
    this.nRef = ref.length;
    // First row: turning an empty hypothesis into the reference takes one insertion per word.
    const cost = new Float64Array(this.nRef + 1);
    const ops = new Uint8Array(this.nRef + 1).fill(OP_INS);
    for (let j = 0; j <= this.nRef; j++) cost[j] = j;
    this.initialRow = { cost, ops };
  }

  /** `__call__`: reuse cached rows for the longest known prefix, compute the rest. */
  distance(hyp: readonly string[]): EditResult {
    const rows = this.findCache(hyp);
    const startPosition = rows.length - 1;
    const result = this.editDistance(hyp, startPosition, rows);
    this.addCache(hyp, rows.slice(startPosition + 1));
    return result;
  }

  /** `_find_cache`: rows[0] is the initial row, rows[i] the row after hyp[i - 1]. */
  private findCache(hyp: readonly string[]): Row[] {
    const rows: Row[] = [this.initialRow];
    let node = this.cache;
    for (const word of hyp) {
      const entry = node.get(word);
      if (entry === undefined) break;
      rows.push(entry.row);
      node = entry.next;
    }
    return rows;
  }

  /** `_add_cache`: store rows computed in this call; the size check is per call, as upstream. */
  private addCache(hyp: readonly string[], newRows: readonly Row[]): void {
    if (this.cacheSize >= MAX_CACHE_SIZE) return;
    let node = this.cache;
    const skip = hyp.length - newRows.length;
    // The skipped prefix was just found in the cache by findCache, so every step exists.
    for (let i = 0; i < skip; i++) node = node.get(hyp[i]!)!.next;
    for (let k = 0; k < newRows.length; k++) {
      const word = hyp[skip + k]!;
      let entry = node.get(word);
      if (entry === undefined) {
        entry = { row: newRows[k]!, next: new Map() };
        node.set(word, entry);
        this.cacheSize++;
      }
      node = entry.next;
    }
  }

  /**
   * `_edit_distance`: fill rows startH+1..n of the matrix (rows 0..startH come from the
   * cache) inside the beam, then walk back from the bottom-right cell to get the trace.
   * `rows` is extended in place.
   */
  private editDistance(hyp: readonly string[], startH: number, rows: Row[]): EditResult {
    const nHyp = hyp.length;
    const nRef = this.nRef;
    const ref = this.ref;

    for (let i = startH + 1; i <= nHyp; i++) {
      rows.push({
        cost: new Float64Array(nRef + 1).fill(INF),
        ops: new Uint8Array(nRef + 1).fill(OP_UNDEF),
      });
    }

    const lengthRatio = nHyp > 0 ? nRef / nHyp : 1;
    // With very different lengths a fixed beam could miss the previous row entirely.
    const beamWidth =
      BEAM_WIDTH < lengthRatio / 2 ? Math.ceil(lengthRatio / 2 + BEAM_WIDTH) : BEAM_WIDTH;

    for (let i = startH + 1; i <= nHyp; i++) {
      const pseudoDiag = Math.floor(i * lengthRatio);
      const minJ = Math.max(0, pseudoDiag - beamWidth);
      // The last row is always computed in full so that the final cell is reachable.
      const maxJ = i === nHyp ? nRef + 1 : Math.min(nRef + 1, pseudoDiag + beamWidth);

      // rows has nHyp + 1 entries and every row nRef + 1 cells; i, j stay in those bounds.
      const prev = rows[i - 1]!;
      const cur = rows[i]!;
      const word = hyp[i - 1]!;

      for (let j = minJ; j < maxJ; j++) {
        if (j === 0) {
          cur.cost[0] = prev.cost[0]! + 1;
          cur.ops[0] = OP_DEL;
          continue;
        }
        const match = word === ref[j - 1];
        // Tercom prefers no-op/sub, then insertion, then deletion; sacrebleu flips the trace
        // afterwards, so it checks deletion before insertion. Strict '>' keeps the first.
        let best = cur.cost[j]!;
        let op = cur.ops[j]!;
        const subCost = prev.cost[j - 1]! + (match ? 0 : 1);
        if (best > subCost) {
          best = subCost;
          op = match ? OP_NOP : OP_SUB;
        }
        const delCost = prev.cost[j]! + 1;
        if (best > delCost) {
          best = delCost;
          op = OP_DEL;
        }
        const insCost = cur.cost[j - 1]! + 1;
        if (best > insCost) {
          best = insCost;
          op = OP_INS;
        }
        cur.cost[j] = best;
        cur.ops[j] = op;
      }
    }

    // Walk back through the ops to recover the trace.
    const reversed: number[] = [];
    let i = nHyp;
    let j = nRef;
    while (i > 0 || j > 0) {
      const op = rows[i]!.ops[j]!;
      reversed.push(op);
      if (op === OP_SUB || op === OP_NOP) {
        i--;
        j--;
      } else if (op === OP_INS) {
        j--;
      } else if (op === OP_DEL) {
        i--;
      } else {
        throw new Error(`TER: undefined edit operation at (${i}, ${j})`);
      }
    }

    return { distance: rows[nHyp]!.cost[nRef]!, trace: reversed.reverse() };
  }
}

interface Alignment {
  /** align[r] = hypothesis position aligned to reference position r (-1 before the start). */
  align: Int32Array;
  refErr: Uint8Array;
  hypErr: Uint8Array;
}

/**
 * `_flip_trace` + `trace_to_alignment`: the trace rewrites hyp into ref; flipping
 * insertions and deletions reads it as ref -> hyp, from which the alignment follows.
 */
function flippedTraceToAlignment(trace: readonly number[], nHyp: number, nRef: number): Alignment {
  const align = new Int32Array(nRef);
  const refErr = new Uint8Array(nRef);
  const hypErr = new Uint8Array(nHyp);
  let posHyp = -1;
  let posRef = -1;
  for (const rawOp of trace) {
    const op = rawOp === OP_INS ? OP_DEL : rawOp === OP_DEL ? OP_INS : rawOp;
    if (op === OP_NOP || op === OP_SUB) {
      posHyp++;
      posRef++;
      align[posRef] = posHyp;
      const err = op === OP_SUB ? 1 : 0;
      hypErr[posHyp] = err;
      refErr[posRef] = err;
    } else if (op === OP_INS) {
      posHyp++;
      hypErr[posHyp] = 1;
    } else if (op === OP_DEL) {
      posRef++;
      align[posRef] = posHyp;
      refErr[posRef] = 1;
    } else {
      throw new Error(`TER: unknown edit operation ${op}`);
    }
  }
  return { align, refErr, hypErr };
}

/** `_perform_shift`: move words[start, start + length) so that it lands before `target`. */
function performShift(
  words: readonly string[],
  start: number,
  length: number,
  target: number,
): string[] {
  if (target < start) {
    return [
      ...words.slice(0, target),
      ...words.slice(start, start + length),
      ...words.slice(target, start),
      ...words.slice(start + length),
    ];
  }
  if (target > start + length) {
    return [
      ...words.slice(0, start),
      ...words.slice(start + length, target),
      ...words.slice(start, start + length),
      ...words.slice(target),
    ];
  }
  // Target inside the block: kept exactly as upstream, odd as it is.
  return [
    ...words.slice(0, start),
    ...words.slice(start + length, length + target),
    ...words.slice(start, start + length),
    ...words.slice(length + target),
  ];
}

function sumRange(values: Uint8Array, from: number, to: number): number {
  let s = 0;
  for (const v of values.subarray(from, to)) s += v;
  return s;
}

interface ShiftResult {
  delta: number;
  words: readonly string[];
  checkedCandidates: number;
}

/**
 * `_shift` (with `_find_shifted_pairs` inlined): try moving every block of up to 10 words
 * that also occurs in the reference (within 50 positions) and return the move that lowers
 * the edit distance most. Ties break like Tercom: longer block, earlier start, earlier target.
 */
function bestShift(
  hyp: readonly string[],
  ref: readonly string[],
  ed: BeamEditDistance,
  checkedCandidates: number,
): ShiftResult {
  const { distance: preScore, trace } = ed.distance(hyp);
  const { align, refErr, hypErr } = flippedTraceToAlignment(trace, hyp.length, ref.length);
  const nHyp = hyp.length;
  const nRef = ref.length;

  let best: { delta: number; length: number; startH: number; idx: number; words: string[] } | null =
    null;
  let checked = checkedCandidates;

  pairs: for (let startH = 0; startH < nHyp; startH++) {
    for (let startR = 0; startR < nRef; startR++) {
      // Slightly different from Tercom; only matters in degenerate cases (upstream note).
      if (Math.abs(startR - startH) > MAX_SHIFT_DIST) continue;

      let length = 0;
      while (hyp[startH + length] === ref[startR + length] && length < MAX_SHIFT_SIZE) {
        length++;
        // --- body of the `for ... in _find_shifted_pairs(...)` loop in `_shift` ---
        const skip =
          // Only shift words that are wrong where they are...
          sumRange(hypErr, startH, startH + length) === 0 ||
          // ...into a place where the reference is not already matched...
          sumRange(refErr, startR, startR + length) === 0 ||
          // ...and not within the block itself.
          (startH <= align[startR]! && align[startR]! < startH + length);
        if (!skip) {
          let prevIdx = -1;
          for (let offset = -1; offset < length; offset++) {
            let idx: number;
            if (startR + offset === -1) {
              idx = 0; // insert before the beginning
            } else if (startR + offset < nRef) {
              // Unlike Tercom, which inserts after the index, sacrebleu inserts before it.
              idx = align[startR + offset]! + 1;
            } else {
              break; // aims past the reference
            }
            if (idx === prevIdx) continue;
            prevIdx = idx;

            const shifted = performShift(hyp, startH, length, idx);
            const delta = preScore - ed.distance(shifted).distance;
            checked++;
            // Python compares tuples (delta, length, -startH, -idx): larger wins.
            if (
              best === null ||
              delta > best.delta ||
              (delta === best.delta &&
                (length > best.length ||
                  (length === best.length &&
                    (startH < best.startH || (startH === best.startH && idx < best.idx)))))
            ) {
              best = { delta, length, startH, idx, words: shifted };
            }
          }
          if (checked >= MAX_SHIFT_CANDIDATES) break pairs;
        }
        // --- end of loop body; back in `_find_shifted_pairs` ---
        if (nHyp === startH + length || nRef === startR + length) break;
      }
    }
  }

  if (best === null) return { delta: 0, words: hyp, checkedCandidates: checked };
  return { delta: best.delta, words: best.words, checkedCandidates: checked };
}

/**
 * `translation_edit_rate`: greedily apply the best shift while it lowers the edit distance,
 * then add the remaining word-level edit distance. Each shift counts as one edit.
 * Returns [number of edits, reference length].
 */
function translationEditRate(hyp: readonly string[], ref: readonly string[]): [number, number] {
  // Empty reference: every hypothesis word is an edit, against a length of 0.
  if (ref.length === 0) return [hyp.length, 0];

  const ed = new BeamEditDistance(ref);
  let shifts = 0;
  let words = hyp;
  let checked = 0;
  for (;;) {
    const result = bestShift(words, ref, ed, checked);
    checked = result.checkedCandidates;
    if (checked >= MAX_SHIFT_CANDIDATES) break;
    if (result.delta <= 0) break;
    shifts++;
    words = result.words;
  }
  return [shifts + ed.distance(words).distance, ref.length];
}

/** `TER._compute_score_from_stats`, scaled to 0–100. */
function terScore(edits: number, refLength: number): number {
  if (refLength > 0) return 100 * (edits / refLength);
  return edits > 0 ? 100 : 0; // empty reference: 100 if anything was produced, else 0
}

/** Segment statistics [edits, reference words]. Lines are right-stripped, as upstream. */
function terStatistics(hypothesis: string, reference: string): [number, number] {
  return translationEditRate(terTokens(hypothesis), terTokens(reference));
}

/** Sentence-level TER (0–100, can exceed 100) of `hypothesis` against `reference`. */
export function ter(hypothesis: string, reference: string): number {
  const [edits, refLength] = terStatistics(hypothesis, reference);
  return terScore(edits, refLength);
}

/** Corpus TER: total edits over total reference words, as sacrebleu's `corpus_score`. */
export function terCorpus(hypotheses: readonly string[], references: readonly string[]): number {
  if (hypotheses.length !== references.length) {
    throw new RangeError(
      `terCorpus: ${hypotheses.length} hypotheses but ${references.length} references`,
    );
  }
  let edits = 0;
  let refLength = 0;
  hypotheses.forEach((hypothesis, i) => {
    const [e, r] = terStatistics(hypothesis, references[i]!);
    edits += e;
    refLength += r;
  });
  return terScore(edits, refLength);
}
