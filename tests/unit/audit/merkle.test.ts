import { describe, expect, it } from "vitest";
import {
  EMPTY_ROOT,
  consistencyRanges,
  inclusionRanges,
  leafHash,
  nodeHash,
  nodesCompletedBy,
  nodesOfRange,
  rangeHash,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type NodeKey,
} from "@/lib/audit/merkle";

// The RFC 9162 §2.1 definitions written out literally over arrays of leaves, to check the
// range-planned, node-backed implementation against.
const leaves = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`event ${i}`));
const memo = new Map<Buffer[], Map<string, Hash>>();
function mth(d: Buffer[], lo = 0, hi = d.length): Hash {
  const cache = memo.get(d) ?? new Map<string, Hash>();
  memo.set(d, cache);
  const key = `${lo}:${hi}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let h: Hash;
  if (hi - lo === 0) h = EMPTY_ROOT;
  else if (hi - lo === 1) h = leafHash(d[lo]!);
  else {
    const k = splitPoint(hi - lo);
    h = nodeHash(mth(d, lo, lo + k), mth(d, lo + k, hi));
  }
  cache.set(key, h);
  return h;
}
function path(m: number, d: Buffer[], lo: number, hi: number): Hash[] {
  if (hi - lo === 1) return [];
  const k = splitPoint(hi - lo);
  return m < k
    ? [...path(m, d, lo, lo + k), mth(d, lo + k, hi)]
    : [...path(m - k, d, lo + k, hi), mth(d, lo, lo + k)];
}
function subproof(m: number, d: Buffer[], lo: number, hi: number, b: boolean): Hash[] {
  if (m === hi - lo) return b ? [] : [mth(d, lo, hi)];
  const k = splitPoint(hi - lo);
  return m <= k
    ? [...subproof(m, d, lo, lo + k, b), mth(d, lo + k, hi)]
    : [...subproof(m - k, d, lo + k, hi, false), mth(d, lo, lo + k)];
}

/** A node store filled the way the sealer fills it: leaf by leaf, completed subtrees only. */
function store(d: Buffer[]) {
  const nodes = new Map<string, Hash>();
  const key = (k: NodeKey) => `${k.level}/${k.index}`;
  d.forEach((leaf, i) => {
    for (const k of nodesCompletedBy(i)) {
      nodes.set(
        key(k),
        k.level === 0
          ? leafHash(leaf)
          : nodeHash(
              nodes.get(key({ level: k.level - 1, index: 2 * k.index }))!,
              nodes.get(key({ level: k.level - 1, index: 2 * k.index + 1 }))!,
            ),
      );
    }
  });
  return (k: NodeKey) => {
    const h = nodes.get(key(k));
    if (!h) throw new Error(`node ${key(k)} not stored`);
    return h;
  };
}

const N = 70;
const all = leaves(N);
const node = store(all);
const hex = (hs: Hash[]) => hs.map((h) => h.toString("hex")).join(" ");
const hashes = (ranges: { lo: number; hi: number }[]) => ranges.map((r) => rangeHash(r, node));

describe("RFC 9162 Merkle tree", () => {
  it("hashes the empty tree, one leaf and two leaves as the RFC defines", () => {
    expect(EMPTY_ROOT.toString("hex")).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    const a = Buffer.from("a");
    expect(leafHash(a)).toEqual(
      Buffer.from(
        // SHA-256(0x00 ‖ "a")
        "022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c",
        "hex",
      ),
    );
    expect(mth([a, a])).toEqual(nodeHash(leafHash(a), leafHash(a)));
  });

  it("computes every root from the stored nodes of a tree grown leaf by leaf", () => {
    for (let n = 1; n <= N; n++) {
      expect(rangeHash({ lo: 0, hi: n }, node)).toEqual(mth(all, 0, n));
      expect(nodesOfRange({ lo: 0, hi: n }).length).toBeLessThanOrEqual(Math.log2(n) + 1);
    }
  });

  it("builds and verifies every inclusion proof up to 70 leaves", () => {
    for (let n = 1; n <= N; n++) {
      const root = mth(all, 0, n);
      for (let m = 0; m < n; m++) {
        const proof = hashes(inclusionRanges(m, n));
        expect(hex(proof)).toEqual(hex(path(m, all, 0, n)));
        expect(verifyInclusion(m, n, leafHash(all[m]!), proof, root)).toBe(true);
      }
    }
  });

  it("builds and verifies every consistency proof up to 70 leaves", () => {
    for (let n = 1; n <= N; n++) {
      const second = mth(all, 0, n);
      for (let m = 1; m <= n; m++) {
        const proof = hashes(consistencyRanges(m, n));
        expect(hex(proof)).toEqual(hex(subproof(m, all, 0, n, true)));
        expect(verifyConsistency(m, n, mth(all, 0, m), second, proof)).toBe(true);
      }
    }
  });

  it("rejects a wrong leaf, index, size, path or root", () => {
    const n = 37;
    const root = mth(all.slice(0, n));
    const proof = hashes(inclusionRanges(12, n));
    const leaf = leafHash(all[12]!);
    expect(verifyInclusion(12, n, leafHash(Buffer.from("forged")), proof, root)).toBe(false);
    expect(verifyInclusion(13, n, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(12, n - 8, leaf, proof, root)).toBe(false);
    // The same hashes claimed for a larger tree: the path is too short to reach its root.
    expect(verifyInclusion(12, 2 * n, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(12, n, leaf, proof.slice(1), root)).toBe(false);
    expect(verifyInclusion(12, n, leaf, [...proof, proof[0]!], root)).toBe(false);
    expect(verifyInclusion(12, n, leaf, proof, mth(all.slice(0, n - 1)))).toBe(false);
    expect(verifyInclusion(n, n, leaf, proof, root)).toBe(false);
  });

  it("rejects a history rewritten or cut short between two heads", () => {
    const first = mth(all.slice(0, 20));
    const second = mth(all.slice(0, 50));
    const proof = hashes(consistencyRanges(20, 50));
    const rewritten = [...all.slice(0, 50)];
    rewritten[7] = Buffer.from("edited event");
    expect(verifyConsistency(20, 50, first, mth(rewritten), proof)).toBe(false);
    // A log truncated to 45 leaves and regrown: the old head no longer fits.
    const regrown = [...all.slice(0, 45), ...leaves(5).map((l) => Buffer.concat([l, l]))];
    expect(verifyConsistency(20, 50, first, mth(regrown), proof)).toBe(false);
    expect(verifyConsistency(20, 50, first, second, proof.slice(0, -1))).toBe(false);
    expect(verifyConsistency(20, 50, first, second, [])).toBe(false);
    expect(verifyConsistency(21, 50, first, second, proof)).toBe(false);
  });

  it("plans proofs in logarithmic size at a million leaves", () => {
    const nodes = (rs: { lo: number; hi: number }[]) => rs.flatMap((r) => nodesOfRange(r)).length;
    const small = nodes(inclusionRanges(777, 1_000));
    const large = nodes(inclusionRanges(777_777, 1_000_000));
    expect(large).toBeLessThanOrEqual(2 * small + 20);
    expect(large).toBeLessThan(60);
    expect(nodes(consistencyRanges(999_999, 1_000_000))).toBeLessThan(60);
  });
});
