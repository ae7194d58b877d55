// Webhook signing secrets. Unlike API tokens (stored as hashes) a signing secret must be read
// back to sign every delivery, so it is stored encrypted: AES-256-GCM with a key derived from
// NEXTAUTH_SECRET by HKDF. A copy of the database alone (a backup, a read replica) then holds
// no usable secret. Rotating NEXTAUTH_SECRET makes stored secrets unreadable: deliveries then
// fail with a clear error until the webhook is created again (ADR 013).
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/env";

const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "galley", "webhook signing secrets v1", 32));
}

/** A new secret in Standard Webhooks' form: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), sealed.toString("base64")].join(
    ".",
  );
}

export function openSecret(stored: string): string {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== VERSION || !iv || !tag || !sealed) {
    throw new Error("The webhook secret is stored in an unknown form");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed, "base64")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new Error(
      "The webhook secret cannot be decrypted (was NEXTAUTH_SECRET changed?); create the webhook again",
    );
  }
}
