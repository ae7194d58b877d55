import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/policy";
import {
  GENESIS_HASH,
  sanitizeAuditData,
  verifyBatch,
  toStoredEvent,
  type StoredEvent,
} from "@/lib/audit/chain";
import { Prisma, db, transaction, type Tx } from "@/lib/db";

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
 * Appends one event inside the caller's transaction, so the event exists exactly when the
 * change it records does. No lock: the sealer (lib/server/audit-sealer.ts) later makes it a
 * leaf of the Merkle tree, in id order, once it has committed (ADR 015).
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<bigint> {
  const [id] = await appendAuditMany(tx, [input]);
  return id!;
}

/**
 * Appends several events in order with one insert (a bulk import records thousands of
 * events; each its own round trip would be most of the import's time). The ids come from the
 * column default, galley_audit_next_id(), which gives the transaction its xid before it takes
 * a sequence value: the sealer's horizon relies on that (ADR 015).
 */
export async function appendAuditMany(tx: Tx, inputs: AuditInput[]): Promise<bigint[]> {
  if (inputs.length === 0) return [];
  const ids = await tx.$queryRaw<{ id: bigint }[]>(auditInsertSql(inputs));
  return ids.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The one INSERT that writes audit events (`RETURNING "id"`). appendAuditMany runs it in the
 * caller's transaction; a hot path may run it as a CTE of one data-modifying statement instead
 * (lib/server/feedback-intake.ts), which PostgreSQL commits atomically with the change it
 * records: the same guarantee as the transaction, in one round trip.
 */
export function auditInsertSql(
  inputs: AuditInput[],
  /** Write the events only when this holds (evaluated in the same statement); by default always. */
  when?: Prisma.Sql,
): Prisma.Sql {
  if (inputs.length === 0) throw new Error("auditInsertSql: no events");
  const at = new Date();
  const rows = inputs.map((input) => {
    const f = actorFields(input.actor);
    // Raw insert: this runs on every audited write, and a model query costs far more CPU.
    // Typed, so the rows also read as a subquery (the `when` form), where nothing infers them.
    return Prisma.sql`(${at}::timestamp, ${f.actorType}::"ActorType", ${f.actorId}::text,
      ${f.actorLabel}::text, ${input.action}::text, ${input.entityType}::text, ${input.entityId}::text,
      ${JSON.stringify(sanitizeAuditData(input.data ?? {}))}::jsonb, ${input.requestId ?? randomUUID()}::text)`;
  });
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actorLabel", "action",
      "entityType", "entityId", "data", "requestId")
    ${
      when
        ? Prisma.sql`SELECT * FROM (VALUES ${Prisma.join(rows)}) AS v WHERE ${when}`
        : Prisma.sql`VALUES ${Prisma.join(rows)}`
    }
    RETURNING "id"`;
}

/** Standalone audited action (no other write), e.g. a failed sign-in. */
export async function recordAudit(input: AuditInput): Promise<void> {
  await transaction((tx) => appendAudit(tx, input));
}

export type VerifyResult =
  /** `head` is the newest event's hash: record it elsewhere to detect a truncated tail later. */
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: string; reason: string };

/**
 * Walks the hash chain of ADR 004 in keyset batches, so memory stays flat however long the
 * log. The chain covers the events written before the Merkle tree (ADR 015): those with a
 * `hash`. The events after it are checked by the tree (lib/server/audit-verify.ts).
 */
export async function verifyAuditChain(batchSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let afterId = -1n;
  let count = 0;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: { id: { gt: afterId }, hash: { not: null } },
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
