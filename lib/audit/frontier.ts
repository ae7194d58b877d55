import { nodeHash, nodesOfRange, rangeHash, EMPTY_ROOT, type Hash, type NodeKey } from "./merkle";

// The right edge of an append-only RFC 9162 tree: the hashes of the perfect subtrees that
// make up leaves [0, size) (at most log2(size) of them). Appending a leaf needs only these,
// so the sealer reads O(log n) stored nodes to resume and never recomputes a sealed hash.

const key = (k: NodeKey) => `${k.level}:${k.index}`;

export interface SealedNode extends NodeKey {
  hash: Hash;
}

export class Frontier {
  private nodes = new Map<string, Hash>();

  /** `nodes` must hold the hash of every key in `Frontier.keysFor(size)`. */
  constructor(
    private treeSize: number,
    nodes: SealedNode[] = [],
  ) {
    for (const n of nodes) this.nodes.set(key(n), n.hash);
    for (const k of Frontier.keysFor(treeSize)) {
      if (!this.nodes.has(key(k)))
        throw new Error(`missing node ${key(k)} of a tree of ${treeSize}`);
    }
  }

  static keysFor(size: number): NodeKey[] {
    return size === 0 ? [] : nodesOfRange({ lo: 0, hi: size });
  }

  get size(): number {
    return this.treeSize;
  }

  /** Appends a leaf; returns every node it completes (its own leaf node first). */
  append(leaf: Hash): SealedNode[] {
    const made: SealedNode[] = [];
    let level = 0;
    let index = this.treeSize;
    let hash = leaf;
    made.push({ level, index, hash });
    this.nodes.set(key({ level, index }), hash);
    while (index % 2 === 1) {
      const left = this.nodes.get(key({ level, index: index - 1 }))!;
      this.nodes.delete(key({ level, index: index - 1 }));
      this.nodes.delete(key({ level, index }));
      hash = nodeHash(left, hash);
      level++;
      index = (index - 1) / 2;
      made.push({ level, index, hash });
      this.nodes.set(key({ level, index }), hash);
    }
    this.treeSize++;
    return made;
  }

  root(): Hash {
    if (this.treeSize === 0) return EMPTY_ROOT;
    return rangeHash({ lo: 0, hi: this.treeSize }, (k) => this.nodes.get(key(k))!);
  }
}
