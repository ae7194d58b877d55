import { createHash } from "node:crypto";

// The Merkle tree of RFC 9162 §2.1 (Certificate Transparency v2), SHA-256:
//   leaf hash = SHA-256(0x00 ‖ leaf bytes), node hash = SHA-256(0x01 ‖ left ‖ right),
//   the tree over n leaves split at k, the largest power of two smaller than n.
// Written here rather than taken from npm: the packages there (merkletreejs and others)
// build Bitcoin-style trees (duplicated odd leaves, sorted pairs), which are not RFC 9162
// trees, and none works from stored subtree hashes, which proofs at a million leaves need.
//
// Proofs are planned as ranges of leaves [lo, hi) whose hashes they need, then evaluated
// from stored hashes of perfect, aligned subtrees ("nodes": level L, index i covers leaves
// [i·2^L, (i+1)·2^L)). Every range the RFC's recursion produces decomposes into O(log n) of
// those, so a proof costs O(log² n) node reads at most, whatever the size of the log.

export type Hash = Buffer;

export const EMPTY_ROOT: Hash = createHash("sha256").digest();

export function leafHash(leaf: Uint8Array): Hash {
  return createHash("sha256")
    .update(Buffer.from([0]))
    .update(leaf)
    .digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash("sha256")
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export interface Range {
  lo: number;
  hi: number;
}

export interface NodeKey {
  level: number;
  index: number;
}

/** The perfect aligned subtrees whose hashes make up the hash of leaves [lo, hi). */
export function nodesOfRange({ lo, hi }: Range): NodeKey[] {
  const size = hi - lo;
  if (size <= 0) throw new RangeError(`empty range [${lo}, ${hi})`);
  if ((size & (size - 1)) === 0 && lo % size === 0) {
    return [{ level: Math.log2(size), index: lo / size }];
  }
  const k = splitPoint(size);
  return [...nodesOfRange({ lo, hi: lo + k }), ...nodesOfRange({ lo: lo + k, hi })];
}

/** MTH(D[lo:hi]) from stored node hashes (RFC 9162 §2.1.1). */
export function rangeHash(range: Range, node: (key: NodeKey) => Hash): Hash {
  const size = range.hi - range.lo;
  if ((size & (size - 1)) === 0 && range.lo % size === 0) {
    return node({ level: Math.log2(size), index: range.lo / size });
  }
  const k = splitPoint(size);
  return nodeHash(
    rangeHash({ lo: range.lo, hi: range.lo + k }, node),
    rangeHash({ lo: range.lo + k, hi: range.hi }, node),
  );
}

/** The ranges whose hashes form the inclusion proof of leaf m in a tree of n (§2.1.3.1), leaf first. */
export function inclusionRanges(m: number, n: number): Range[] {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 0 && m < n)) {
    throw new RangeError(`no leaf ${m} in a tree of ${n}`);
  }
  const path = (m: number, lo: number, hi: number): Range[] => {
    if (hi - lo === 1) return [];
    const k = splitPoint(hi - lo);
    return m < k
      ? [...path(m, lo, lo + k), { lo: lo + k, hi }]
      : [...path(m - k, lo + k, hi), { lo, hi: lo + k }];
  };
  return path(m, 0, n);
}

/** The ranges whose hashes form the consistency proof from size m to size n (§2.1.4.1). */
export function consistencyRanges(m: number, n: number): Range[] {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && m <= n)) {
    throw new RangeError(`no consistency proof from ${m} to ${n}`);
  }
  const sub = (m: number, lo: number, hi: number, whole: boolean): Range[] => {
    if (m === hi - lo) return whole ? [] : [{ lo, hi }];
    const k = splitPoint(hi - lo);
    return m <= k
      ? [...sub(m, lo, lo + k, whole), { lo: lo + k, hi }]
      : [...sub(m - k, lo + k, hi, false), { lo, hi: lo + k }];
  };
  return sub(m, 0, n, true);
}

/**
 * The nodes that become complete when leaf `index` is appended: its own leaf node, and each
 * perfect subtree it closes (the sealer stores these, so no hash is ever recomputed).
 */
export function nodesCompletedBy(index: number): NodeKey[] {
  const keys: NodeKey[] = [{ level: 0, index }];
  let level = 0;
  let i = index;
  while (i % 2 === 1) {
    level++;
    i = (i - 1) / 2;
    keys.push({ level, index: i });
  }
  return keys;
}

const lsb = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/** RFC 9162 §2.1.3.2: does `path` prove leaf `index` (with this leaf hash) in the tree of `size` with `root`? */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Hash,
  path: Hash[],
  root: Hash,
): boolean {
  if (!(index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `path` prove the tree of `second` extends the tree of `first`? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  path: Hash[],
): boolean {
  if (!(first >= 1 && first <= second)) return false;
  if (first === second) return path.length === 0 && firstRoot.equals(secondRoot);
  if (path.length === 0) return false;
  const proof = (first & (first - 1)) === 0 ? [firstRoot, ...path] : path;
  let fn = first - 1;
  let sn = second - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}
