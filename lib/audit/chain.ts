import { createHash } from "node:crypto";

// Tamper evidence for the audit log: every event's hash covers its canonical
// content and the previous event's hash, so changing, removing or reordering
// any stored event breaks every hash after it. See docs/decisions/004-hash-chained-audit-log.md.

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedContent {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  requestId: string;
}

/**
 * JSON with object keys sorted at every level, so the same content always hashes
 * the same however PostgreSQL's jsonb reorders keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function eventHash(prevHash: string, content: ChainedContent): string {
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonicalJson(content))
    .digest("hex");
}

/**
 * jsonb cannot hold U+0000, so payload strings are cleaned the same way before
 * hashing and storing; otherwise a stored payload could never verify.
 */
export function sanitizeAuditData(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\u0000/g, "\uFFFD");
  if (Array.isArray(value)) return value.map(sanitizeAuditData);
  if (value && typeof value === "object") {
    if (value instanceof Date) return value.toISOString();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, sanitizeAuditData(v)]),
    );
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

export interface StoredEvent extends ChainedContent {
  /** Chain hashes: only on events written before the Merkle tree (ADR 015). */
  prevHash: string | null;
  hash: string | null;
}

/** A stored audit row (ids are bigints, times Dates) as the chain and exports see it. */
export function toStoredEvent(r: {
  id: bigint;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  requestId: string;
  prevHash: string | null;
  hash: string | null;
}): StoredEvent {
  return { ...r, id: r.id.toString(), at: r.at.toISOString() };
}

export type ChainCheck =
  { ok: true; lastHash: string } | { ok: false; brokenAt: string; reason: string };

/** Checks one batch of consecutive events against the hash that preceded them. */
export function verifyBatch(prevHash: string, events: StoredEvent[]): ChainCheck {
  let expectedPrev = prevHash;
  for (const e of events) {
    if (e.prevHash !== expectedPrev) {
      return { ok: false, brokenAt: e.id, reason: "previous-hash link does not match" };
    }
    const { prevHash: _p, hash, ...content } = e;
    if (eventHash(expectedPrev, content) !== hash) {
      return { ok: false, brokenAt: e.id, reason: "content does not match its hash" };
    }
    expectedPrev = hash;
  }
  return { ok: true, lastHash: expectedPrev };
}
