// An independent verifier of Galley's published log, written from issue 18's formats and
// RFC 9162 §2.1 alone. It deliberately shares no code with lib/ (not even a hash helper), so
// a mistake there cannot hide itself here. A watchdog would hold something like this.
import crypto from "node:crypto";

const sha256 = (...parts: Buffer[]) =>
  crypto.createHash("sha256").update(Buffer.concat(parts)).digest();
const LEAF = Buffer.of(0x00);
const NODE = Buffer.of(0x01);

export interface PublishedSth {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  signature: string;
}

export function checkSth(sth: PublishedSth, publicKeyPem: string): boolean {
  const message = Buffer.from(
    ["galley-sth-v1", String(sth.treeSize), sth.rootHash, sth.timestamp].join("\n"),
    "utf8",
  );
  return crypto.verify(null, message, publicKeyPem, Buffer.from(sth.signature, "base64"));
}

/** Leaf bytes are the canonical JSON of the event: keys sorted at every level, no spaces. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return (
      "{" +
      keys
        .map((k) => JSON.stringify(k) + ":" + canonical((value as Record<string, unknown>)[k]))
        .join(",") +
      "}"
    );
  }
  return JSON.stringify(value);
}

/** RFC 9162 §2.1.3.2. */
export function checkInclusion(
  leafBytes: Buffer,
  index: number,
  treeSize: number,
  pathHex: string[],
  rootHex: string,
): boolean {
  if (index >= treeSize) return false;
  let fn = BigInt(index);
  let sn = BigInt(treeSize - 1);
  let r = sha256(LEAF, leafBytes);
  for (const hex of pathHex) {
    const p = Buffer.from(hex, "hex");
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = sha256(NODE, p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = sha256(NODE, r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.toString("hex") === rootHex;
}

/** RFC 9162 §2.1.4.2. */
export function checkConsistency(
  first: number,
  second: number,
  firstRootHex: string,
  secondRootHex: string,
  pathHex: string[],
): boolean {
  if (first < 1 || first > second) return false;
  if (first === second) return pathHex.length === 0 && firstRootHex === secondRootHex;
  if (pathHex.length === 0) return false;
  const path = pathHex.map((h) => Buffer.from(h, "hex"));
  if ((first & (first - 1)) === 0) path.unshift(Buffer.from(firstRootHex, "hex"));
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = sha256(NODE, c, fr);
      sr = sha256(NODE, c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = sha256(NODE, sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return fr.toString("hex") === firstRootHex && sr.toString("hex") === secondRootHex && sn === 0n;
}
