import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateLogKeyPair,
  publicKeyOf,
  signTreeHead,
  sthMessage,
  verifyTreeHead,
} from "@/lib/audit/sth";

const head = {
  treeSize: 42,
  rootHash: "a".repeat(64),
  timestamp: "2026-11-30T09:00:00.000Z",
};

describe("signed tree heads", () => {
  it("signs exactly the documented line format", () => {
    expect(sthMessage(head).toString("utf8")).toBe(
      `galley-sth-v1\n42\n${"a".repeat(64)}\n2026-11-30T09:00:00.000Z`,
    );
  });

  it("verifies with the published key and refuses any changed field or another key", () => {
    const { privateKeyPem, publicKeyPem } = generateLogKeyPair();
    expect(publicKeyOf(privateKeyPem)).toBe(publicKeyPem);
    const sth = signTreeHead(head, privateKeyPem);
    expect(verifyTreeHead(sth, publicKeyPem)).toBe(true);
    expect(verifyTreeHead({ ...sth, treeSize: 43 }, publicKeyPem)).toBe(false);
    expect(verifyTreeHead({ ...sth, rootHash: "b".repeat(64) }, publicKeyPem)).toBe(false);
    expect(verifyTreeHead({ ...sth, timestamp: "2026-11-30T09:00:01.000Z" }, publicKeyPem)).toBe(
      false,
    );
    expect(verifyTreeHead(sth, generateLogKeyPair().publicKeyPem)).toBe(false);
    expect(verifyTreeHead({ ...sth, signature: "not base64!" }, publicKeyPem)).toBe(false);
  });

  it("refuses heads it could not print unambiguously, and keys that are not Ed25519", () => {
    expect(() => sthMessage({ ...head, rootHash: "A".repeat(64) })).toThrow(/lowercase/);
    expect(() => sthMessage({ ...head, timestamp: "2026-11-30T18:00:00+09:00" })).toThrow();
    expect(() => sthMessage({ ...head, treeSize: -1 })).toThrow();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(() =>
      publicKeyOf(rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
    ).toThrow(/Ed25519/);
  });
});
