import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/audit/chain";
import {
  consistencyRanges,
  inclusionRanges,
  leafHash,
  nodeHash,
  nodesCompletedBy,
  rangeHash,
  type Hash,
  type NodeKey,
} from "@/lib/audit/merkle";
import { generateLogKeyPair, signTreeHead } from "@/lib/audit/sth";
import { canonical, checkConsistency, checkInclusion, checkSth } from "../../support/log-verifier";

// lib/audit against the independent verifier in tests/support (no shared code): the
// published formats must be checkable by someone who has only the description.
const events = Array.from({ length: 300 }, (_, i) => ({
  id: String(i + 1),
  action: i % 7 === 0 ? "correction.publish" : "revision.save",
  data: { segments: [i % 5], note: i % 3 ? null : `Fix ${i}`, é: "ü" },
  at: new Date(Date.UTC(2026, 10, 30, 0, 0, i)).toISOString(),
}));
const leaves = events.map((e) => Buffer.from(canonicalJson(e), "utf8"));
const nodes = new Map<string, Hash>();
const k = (n: NodeKey) => `${n.level}/${n.index}`;
leaves.forEach((leaf, i) => {
  for (const n of nodesCompletedBy(i)) {
    nodes.set(
      k(n),
      n.level === 0
        ? leafHash(leaf)
        : nodeHash(
            nodes.get(k({ level: n.level - 1, index: 2 * n.index }))!,
            nodes.get(k({ level: n.level - 1, index: 2 * n.index + 1 }))!,
          ),
    );
  }
});
const node = (n: NodeKey) => nodes.get(k(n))!;
const root = (size: number) => rangeHash({ lo: 0, hi: size }, node).toString("hex");
const hexPath = (ranges: { lo: number; hi: number }[]) =>
  ranges.map((r) => rangeHash(r, node).toString("hex"));

describe("an independent verifier accepts what lib/audit publishes", () => {
  it("reads the same leaf bytes", () => {
    for (const e of events) expect(canonical(e)).toBe(canonicalJson(e));
  });

  it("validates a signed head, inclusion proofs and consistency proofs", () => {
    const { privateKeyPem, publicKeyPem } = generateLogKeyPair();
    const sth = signTreeHead(
      { treeSize: 300, rootHash: root(300), timestamp: "2026-11-30T09:00:00.000Z" },
      privateKeyPem,
    );
    expect(checkSth(sth, publicKeyPem)).toBe(true);
    expect(checkSth({ ...sth, treeSize: 299 }, publicKeyPem)).toBe(false);
    for (const i of [0, 1, 7, 128, 255, 256, 299]) {
      expect(
        checkInclusion(leaves[i]!, i, 300, hexPath(inclusionRanges(i, 300)), sth.rootHash),
      ).toBe(true);
      expect(
        checkInclusion(
          leaves[(i + 1) % 300]!,
          i,
          300,
          hexPath(inclusionRanges(i, 300)),
          sth.rootHash,
        ),
      ).toBe(false);
    }
    for (const [m, n] of [
      [1, 300],
      [64, 300],
      [100, 101],
      [256, 300],
      [299, 300],
      [300, 300],
    ] as const) {
      expect(checkConsistency(m, n, root(m), root(n), hexPath(consistencyRanges(m, n)))).toBe(true);
    }
    expect(
      checkConsistency(100, 300, root(99), root(300), hexPath(consistencyRanges(100, 300))),
    ).toBe(false);
  });
});
