import "server-only";
import { env } from "@/lib/env";
import { publicKeyOf } from "@/lib/audit/sth";

export interface LogKey {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Why the log is not signed, for /api/health and the CLI. */
export const NO_LOG_KEY =
  "GALLEY_LOG_PRIVATE_KEY is not set: the audit log is not sealed or signed (ADR 015)";

/**
 * The log's key pair, or null. Never generated into the database: whoever can edit the
 * database could then also re-sign a rewritten log, which is what the signature is against.
 */
export function logKey(): LogKey | null {
  const privateKeyPem = env().GALLEY_LOG_PRIVATE_KEY;
  if (!privateKeyPem) return null;
  return { privateKeyPem, publicKeyPem: publicKeyOf(privateKeyPem) };
}
