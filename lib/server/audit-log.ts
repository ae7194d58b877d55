import "server-only";
import { Prisma, db } from "@/lib/db";
import { toStoredEvent, type StoredEvent } from "@/lib/audit/chain";

// Read side of the audit log: filtered, keyset-paged lists for the audit page
// and batched iteration for streamed exports. Keyset on the primary key (id)
// keeps every page and every export batch an index range scan.

export interface AuditFilter {
  /** User id, user email or an actor label such as "seed". */
  actor?: string;
  /** Exact action, or a prefix ending in "*" ("revision.*"). */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive lower bound on the event time. */
  from?: Date;
  /** Exclusive upper bound on the event time. */
  to?: Date;
}

/** One audit event as pages and exports show it. */
export type AuditItem = StoredEvent;

type Where = Prisma.AuditEventWhereInput;

async function whereFor(f: AuditFilter): Promise<Where[]> {
  const and: Where[] = [];
  if (f.actor) {
    const actor = f.actor.trim();
    const or: Where[] = [
      { actorId: actor },
      { actorLabel: actor },
      { actorLabel: `${actor} (token)` },
    ];
    if (actor.includes("@")) {
      const user = await db().user.findUnique({
        where: { email: actor.toLowerCase() },
        select: { id: true },
      });
      if (user) or.push({ actorId: user.id });
    }
    and.push({ OR: or });
  }
  if (f.action) {
    and.push(
      f.action.endsWith("*")
        ? { action: { startsWith: f.action.slice(0, -1) } }
        : { action: f.action },
    );
  }
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.entityId) and.push({ entityId: f.entityId });
  if (f.from) and.push({ at: { gte: f.from } });
  if (f.to) and.push({ at: { lt: f.to } });
  return and;
}

/** Newest first; `cursor` is the id of the last event of the previous page. */
export async function listAuditEvents(
  filter: AuditFilter,
  opts: { limit: number; cursor?: bigint },
): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const and = await whereFor(filter);
  if (opts.cursor !== undefined) and.push({ id: { lt: opts.cursor } });
  const rows = await db().auditEvent.findMany({
    where: { AND: and },
    orderBy: { id: "desc" },
    take: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toStoredEvent),
    nextCursor: rows.length > opts.limit && last ? last.id.toString() : null,
  };
}

/**
 * Every matching event in chain order (oldest first), one keyset batch at a
 * time, so an export of millions of events holds one batch in memory.
 */
export async function* auditEventBatches(
  filter: AuditFilter,
  batchSize = 1000,
): AsyncGenerator<AuditItem[]> {
  const base = await whereFor(filter);
  let after: bigint | undefined;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: { AND: after === undefined ? base : [...base, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return;
    yield rows.map(toStoredEvent);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
