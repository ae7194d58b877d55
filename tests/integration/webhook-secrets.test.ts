import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { newWebhookSecret, openSecret, sealSecret } from "@/lib/server/webhook-secrets";

// Signing secrets are stored encrypted (AES-256-GCM, key from NEXTAUTH_SECRET; ADR 013).

const secret0 = process.env.NEXTAUTH_SECRET;
afterEach(() => {
  process.env.NEXTAUTH_SECRET = secret0;
  resetEnvCache();
});

describe("webhook secret storage", () => {
  it("seals a whsec_ secret so the stored form reveals nothing, and opens it again", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const sealed = sealSecret(secret);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(sealSecret(secret)).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(sealed)).toBe(secret);
  });

  it("refuses a tampered ciphertext and a changed NEXTAUTH_SECRET", () => {
    const sealed = sealSecret(newWebhookSecret());
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64");
    flipped[0]! ^= 1;
    expect(() => openSecret([v, iv, tag, flipped.toString("base64")].join("."))).toThrow(
      "cannot be decrypted",
    );
    process.env.NEXTAUTH_SECRET = "another-secret-0123456789abcdef";
    resetEnvCache();
    expect(() => openSecret(sealed)).toThrow("was NEXTAUTH_SECRET changed?");
  });
});
