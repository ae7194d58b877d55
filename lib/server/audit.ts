import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import {
  GENESIS_HASH,
  eventHash,
  sanitizeAuditData,
  verifyBatch,
  toStoredEvent,
  type StoredEvent,
} from "@/lib/audit/chain";
import { Prisma, db, transaction, type Tx } from "@/lib/db";

// Any constant works; it only has to differ from other advisory locks in the app.
const AUDIT_CHAIN_LOCK = 4_711_001;

export interface AuditInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
  requestId?: string;
}

export function actorFields(actor: Actor): {
  actorType: "USER" | "TOKEN" | "ANONYMOUS" | "SYSTEM";
  actorId: string | null;
  actorLabel: string;
} {
  switch (actor.type) {
    case "USER":
      return { actorType: "USER", actorId: actor.userId, actorLabel: actor.email };
    case "TOKEN":
      return { actorType: "TOKEN", actorId: actor.userId, actorLabel: `${actor.email} (token)` };
    case "ANONYMOUS":
      return { actorType: "ANONYMOUS", actorId: null, actorLabel: "anonymous reader" };
    case "SYSTEM":
      return { actorType: "SYSTEM", actorId: null, actorLabel: actor.label };
  }
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the
 * event exists exactly when the change it records does. Call it last in the
 * transaction: the chain lock is held until commit. The lock serialises appends
 * across every app instance, so the chain cannot fork; the previous hash comes
 * from the newest row by primary key, so the cost does not grow with the log.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<bigint> {
  const [id] = await appendAuditMany(tx, [input]);
  return id!;
}

/**
 * Appends several events in order with one lock, one read of the chain head and one
 * insert (a bulk import records thousands of events; each its own round trips would
 * be most of the import's time).
 */
export async function appendAuditMany(tx: Tx, inputs: AuditInput[]): Promise<bigint[]> {
  if (inputs.length === 0) return [];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  // One round trip for the previous hash and the next ids: the lock is held until
  // commit, so every statement saved here shortens the queue behind it.
  const head = await tx.$queryRaw<{ hash: string | null; ids: bigint[] }[]>`
    SELECT (SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1) AS "hash",
           ARRAY(SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))
                 FROM generate_series(1, ${inputs.length}::int)) AS "ids"`;
  const ids = head[0]!.ids.map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let prevHash = head[0]!.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = inputs.map((input, i) => {
    const content = {
      id: ids[i]!.toString(),
      at: at.toISOString(),
      ...actorFields(input.actor),
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      data: sanitizeAuditData(input.data ?? {}),
      requestId: input.requestId ?? randomUUID(),
    };
    const hash = eventHash(prevHash, content);
    // Raw insert: this runs on every audited write, and a model query costs far more CPU.
    const row = Prisma.sql`(${ids[i]}, ${at}, ${content.actorType}::"ActorType", ${content.actorId},
      ${content.actorLabel}, ${content.action}, ${content.entityType}, ${content.entityId},
      ${JSON.stringify(content.data)}::jsonb, ${content.requestId}, ${prevHash}, ${hash})`;
    prevHash = hash;
    return row;
  });
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "at", "actorType", "actorId", "actorLabel", "action",
      "entityType", "entityId", "data", "requestId", "prevHash", "hash")
    VALUES ${Prisma.join(rows)}`;
  return ids;
}

/** Standalone audited action (no other write), e.g. a failed sign-in. */
export async function recordAudit(input: AuditInput): Promise<void> {
  await transaction((tx) => appendAudit(tx, input));
}

export type VerifyResult =
  /** `head` is the newest event's hash: record it elsewhere to detect a truncated tail later. */
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: string; reason: string };

/** Walks the whole chain in keyset batches, so memory stays flat however long the log. */
export async function verifyAuditChain(batchSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let afterId = -1n;
  let count = 0;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { ok: true, events: count, head: prevHash };
    const events: StoredEvent[] = rows.map(toStoredEvent);
    const check = verifyBatch(prevHash, events);
    if (!check.ok) {
      const index = events.findIndex((e) => e.id === check.brokenAt);
      return { ok: false, events: count + index, brokenAt: check.brokenAt, reason: check.reason };
    }
    count += rows.length;
    prevHash = check.lastHash;
    afterId = rows[rows.length - 1]!.id;
  }
}
