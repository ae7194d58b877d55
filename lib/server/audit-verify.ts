import "server-only";
import { db } from "@/lib/db";
import { Frontier } from "@/lib/audit/frontier";
import { leafBytes } from "@/lib/audit/leaf";
import { leafHash, nodesCompletedBy, verifyConsistency, type Hash } from "@/lib/audit/merkle";
import { verifyTreeHead, type SignedTreeHead } from "@/lib/audit/sth";
import { verifyAuditChain } from "./audit";
import {
  LEAF_EVENT_COLUMNS,
  allTreeHeads,
  consistencyProof,
  latestTreeHead,
  nodeHashes,
  toLeafEvent,
  type LeafEventRow,
} from "./audit-tree";
import { logKey, NO_LOG_KEY } from "./log-key";

// `npm run galley -- audit:verify` (ADR 015): recompute the whole tree from the events, in
// keyset batches so memory stays flat, and check against it every stored node, every signed
// head's root and signature, and the consistency proofs between consecutive heads. The first
// failure is reported with what failed and where.

export type LogVerifyResult =
  | { ok: true; leaves: number; heads: number; chainEvents: number; rootHash: string }
  | { ok: false; failure: string };

const fail = (failure: string): LogVerifyResult => ({ ok: false, failure });
const hex = (h: Hash) => h.toString("hex");

export async function verifyAuditLog(batchSize = 2000): Promise<LogVerifyResult> {
  const key = logKey();
  if (!key) return fail(NO_LOG_KEY);
  const chain = await verifyAuditChain();
  if (!chain.ok) {
    return fail(`hash chain (ADR 004): event ${chain.brokenAt}: ${chain.reason}`);
  }
  const heads = await allTreeHeads();
  for (const h of heads) {
    if (!verifyTreeHead(h, key.publicKeyPem)) {
      return fail(`signed tree head at tree size ${h.treeSize}: signature does not verify`);
    }
  }
  const roots = new Map<number, SignedTreeHead>(heads.map((h) => [h.treeSize, h]));
  const frontier = new Frontier(0);
  let checkedHeads = 0;
  for (;;) {
    const lo = frontier.size;
    const rows = await db().$queryRawUnsafe<
      (LeafEventRow & { index: number; eventId: string; present: boolean })[]
    >(
      `SELECT l."index"::int AS "index", l."eventId"::text AS "eventId", e."id" IS NOT NULL AS present,
              ${LEAF_EVENT_COLUMNS}
       FROM "AuditLeaf" l LEFT JOIN "AuditEvent" e ON e."id" = l."eventId"
       WHERE l."index" >= $1 ORDER BY l."index" LIMIT $2`,
      lo,
      batchSize,
    );
    if (rows.length === 0) break;
    const stored = await nodeHashes(rows.flatMap((_, i) => nodesCompletedBy(lo + i)));
    for (const [i, r] of rows.entries()) {
      const index = lo + i;
      if (r.index !== index) {
        return fail(`leaf ${index} is missing (the next stored leaf is ${r.index})`);
      }
      if (!r.present) return fail(`leaf ${index}: event ${r.eventId} is missing`);
      for (const n of frontier.append(leafHash(leafBytes(toLeafEvent(r))))) {
        const s = stored.get(`${n.level}:${n.index}`);
        if (!s) return fail(`tree node ${n.level}:${n.index} is missing`);
        if (s.equals(n.hash)) continue;
        return fail(
          n.level === 0
            ? `leaf ${index} (event ${r.eventId}): content does not match its leaf hash`
            : `tree node ${n.level}:${n.index}: stored hash does not match the leaves`,
        );
      }
      const head = roots.get(frontier.size);
      if (head) {
        if (hex(frontier.root()) !== head.rootHash) {
          return fail(
            `signed tree head at tree size ${head.treeSize}: root does not match the events`,
          );
        }
        checkedHeads++;
      }
    }
  }
  if (checkedHeads !== heads.length) {
    const beyond = heads.find((h) => h.treeSize > frontier.size);
    return fail(
      `signed tree head at tree size ${beyond?.treeSize ?? "?"}: the log has only ${frontier.size} leaves (its tail was removed)`,
    );
  }
  for (let i = 1; i < heads.length; i++) {
    const [a, b] = [heads[i - 1]!, heads[i]!];
    if (a.treeSize === 0) continue;
    const path = await consistencyProof(a.treeSize, b.treeSize);
    if (
      !verifyConsistency(
        a.treeSize,
        b.treeSize,
        Buffer.from(a.rootHash, "hex"),
        Buffer.from(b.rootHash, "hex"),
        path,
      )
    ) {
      return fail(`signed tree heads ${a.treeSize} → ${b.treeSize}: not consistent`);
    }
  }
  return {
    ok: true,
    leaves: frontier.size,
    heads: heads.length,
    chainEvents: chain.events,
    rootHash: hex(frontier.root()),
  };
}

/**
 * `audit:verify --against STH.json`: is a head saved earlier (by a watchdog) signed by this
 * log, and is today's tree an extension of it? Someone who removes the newest events together
 * with their leaves and heads leaves a log that verifies on its own; a head saved outside the
 * database is what exposes it.
 */
export async function verifyAgainstSavedHead(saved: SignedTreeHead): Promise<LogVerifyResult> {
  const key = logKey();
  if (!key) return fail(NO_LOG_KEY);
  if (!verifyTreeHead(saved, key.publicKeyPem)) {
    return fail(
      `saved head at tree size ${saved.treeSize}: signature does not verify with this log's key`,
    );
  }
  const latest = await latestTreeHead();
  const size = latest?.treeSize ?? 0;
  if (latest && !verifyTreeHead(latest, key.publicKeyPem)) {
    return fail(`signed tree head at tree size ${size}: signature does not verify`);
  }
  if (!latest || saved.treeSize > size) {
    return fail(
      `saved head at tree size ${saved.treeSize} is beyond the log's newest head (tree size ${size}): ` +
        `${saved.treeSize - size} leaves were removed from its tail`,
    );
  }
  const path = saved.treeSize === 0 ? [] : await consistencyProof(saved.treeSize, size);
  const consistent =
    saved.treeSize === 0 ||
    verifyConsistency(
      saved.treeSize,
      size,
      Buffer.from(saved.rootHash, "hex"),
      Buffer.from(latest.rootHash, "hex"),
      path,
    );
  if (!consistent) {
    return fail(
      `saved head at tree size ${saved.treeSize} is not consistent with the newest head (tree size ${size})`,
    );
  }
  return { ok: true, leaves: size, heads: 1, chainEvents: 0, rootHash: latest.rootHash };
}
