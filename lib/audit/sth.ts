import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";

// Signed tree heads (issue 18): Ed25519 over the UTF-8 bytes of
//   galley-sth-v1\n<treeSize>\n<rootHash as lowercase hex>\n<timestamp as ISO 8601 UTC>
// A line format rather than a binary structure (RFC 9162's TreeHeadSignature) so a watchdog
// can check a head with any Ed25519 tool and a shell, without a TLS-encoding library.

export const STH_FORMAT = "galley-sth-v1";
export const STH_ALGORITHM = "Ed25519";

export interface TreeHead {
  treeSize: number;
  /** Lowercase hex SHA-256. */
  rootHash: string;
  /** ISO 8601 UTC, milliseconds, e.g. 2026-11-30T09:00:00.000Z. */
  timestamp: string;
}

export interface SignedTreeHead extends TreeHead {
  /** Base64 Ed25519 signature over `sthMessage(head)`. */
  signature: string;
}

export function sthMessage(head: TreeHead): Buffer {
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0) {
    throw new RangeError(`bad tree size ${head.treeSize}`);
  }
  if (!/^[0-9a-f]{64}$/.test(head.rootHash))
    throw new RangeError("root hash must be lowercase hex");
  if (new Date(head.timestamp).toISOString() !== head.timestamp) {
    throw new RangeError("timestamp must be ISO 8601 UTC as toISOString() writes it");
  }
  return Buffer.from(
    `${STH_FORMAT}\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}`,
    "utf8",
  );
}

export function signTreeHead(head: TreeHead, privateKeyPem: string): SignedTreeHead {
  const signature = sign(null, sthMessage(head), createPrivateKey(privateKeyPem));
  return { ...head, signature: signature.toString("base64") };
}

export function verifyTreeHead(sth: SignedTreeHead, publicKeyPem: string): boolean {
  try {
    return verify(
      null,
      sthMessage(sth),
      createPublicKey(publicKeyPem),
      Buffer.from(sth.signature, "base64"),
    );
  } catch {
    return false;
  }
}

/** A new log key pair, PEM: PKCS#8 private, SPKI public (what /.well-known/galley-log.json publishes). */
export function generateLogKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** The public key of a private key (PEM), so only the private key needs configuring. */
export function publicKeyOf(privateKeyPem: string): string {
  const key = createPublicKey(createPrivateKey(privateKeyPem));
  if (key.asymmetricKeyType !== "ed25519") throw new Error("the log key must be an Ed25519 key");
  return key.export({ type: "spki", format: "pem" }).toString();
}
