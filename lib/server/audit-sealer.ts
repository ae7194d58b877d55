import "server-only";
import { openSession, type Session } from "@/lib/db";
import { Frontier, type SealedNode } from "@/lib/audit/frontier";
import { leafBytes } from "@/lib/audit/leaf";
import { leafHash } from "@/lib/audit/merkle";
import { signTreeHead } from "@/lib/audit/sth";
import { LEAF_EVENT_COLUMNS, toLeafEvent, type LeafEventRow } from "./audit-tree";
import { logKey, NO_LOG_KEY } from "./log-key";

// The sealer (ADR 015): turns committed audit events into Merkle leaves in id order and signs
// a tree head after each batch. Every app instance runs one; a session-level advisory lock
// lets exactly one work at a time, on a connection of its own (a pooled connection could be
// handed to another query while the lock is held, and the unlock would go astray).

/** Any constant; it only has to differ from the app's other advisory locks. */
export const SEALER_LOCK = 4_711_002;
/** At most this many events per batch, i.e. between two signed heads (issue 18). */
export const SEAL_BATCH = 1000;

export type SealResult =
  | { status: "sealed"; treeSize: number; sealed: number; heads: number }
  /** Another sealer holds the lock. */
  | { status: "busy" }
  /** A transaction that may hold an older id is still open; nothing was sealed (retried next tick). */
  | { status: "waiting"; treeSize: number }
  | { status: "no-key"; reason: string };

/**
 * The horizon: every audit id ≤ the returned value belongs to a transaction that has ended,
 * so the committed events up to it can be sealed in id order and no lower id can commit later.
 *
 * Appenders take their xid before their id (galley_audit_next_id()). So a transaction holding
 * an id ≤ L (read first) had its xid when the snapshot (taken second) was made: it is either
 * finished by then or listed in the snapshot's xip. Waiting until every listed xid has ended
 * closes the argument. Transactions of other databases (same cluster) cannot hold our ids and
 * are not waited for. Returns null when one is still open after `waitMs`.
 */
export async function readHorizon(c: Session, waitMs: number): Promise<bigint | null> {
  const seq = await c.query<{ l: string }>(
    `SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS l FROM "AuditEvent_id_seq"`,
  );
  const snap = await c.query<{ xip: string[] }>(
    `SELECT ARRAY(SELECT x::text FROM pg_snapshot_xip(pg_current_snapshot()) x) AS xip`,
  );
  let pending = snap.rows[0]!.xip;
  const deadline = Date.now() + waitMs;
  while (pending.length > 0) {
    const open = await c.query<{ x: string }>(
      `SELECT x::text FROM unnest($1::xid8[]) x
       WHERE pg_xact_status(x) = 'in progress'
         AND NOT EXISTS (
           SELECT 1 FROM pg_stat_activity a
           WHERE a.datname IS DISTINCT FROM current_database() AND a.backend_xid IS NOT NULL
             AND a.backend_xid::text = (x::text::numeric % 4294967296)::text)`,
      [pending],
    );
    pending = open.rows.map((r) => r.x);
    if (pending.length === 0) break;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 10));
  }
  return BigInt(seq.rows[0]!.l);
}

async function loadFrontier(c: Session): Promise<{ frontier: Frontier; lastEventId: bigint }> {
  const head = await c.query<{ size: string; last: string | null }>(
    `SELECT (COALESCE(MAX("index"), -1) + 1)::text AS size,
            (SELECT "eventId"::text FROM "AuditLeaf" ORDER BY "index" DESC LIMIT 1) AS last
     FROM "AuditLeaf"`,
  );
  const size = Number(head.rows[0]!.size);
  const keys = Frontier.keysFor(size);
  const nodes = keys.length
    ? await c.query<{ level: number; index: string; hash: Buffer }>(
        `SELECT "level", "index"::text, "hash" FROM "AuditNode"
         WHERE ("level", "index") IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))`,
        [keys.map((k) => k.level), keys.map((k) => k.index)],
      )
    : { rows: [] };
  const frontier = new Frontier(
    size,
    nodes.rows.map((r) => ({ level: r.level, index: Number(r.index), hash: r.hash })),
  );
  return { frontier, lastEventId: BigInt(head.rows[0]!.last ?? "0") };
}

/** Seals one batch after `lastEventId` up to the horizon; returns how many events it sealed. */
async function sealBatch(
  c: Session,
  frontier: Frontier,
  after: bigint,
  horizon: bigint,
  privateKeyPem: string,
): Promise<{ sealed: number; lastEventId: bigint }> {
  const events = await c.query<LeafEventRow>(
    `SELECT ${LEAF_EVENT_COLUMNS} FROM "AuditEvent" e
     WHERE e."id" > $1 AND e."id" <= $2 ORDER BY e."id" LIMIT ${SEAL_BATCH}`,
    [after.toString(), horizon.toString()],
  );
  if (events.rows.length === 0) return { sealed: 0, lastEventId: after };
  const first = frontier.size;
  const nodes: SealedNode[] = [];
  for (const row of events.rows)
    nodes.push(...frontier.append(leafHash(leafBytes(toLeafEvent(row)))));
  const head = signTreeHead(
    {
      treeSize: frontier.size,
      rootHash: frontier.root().toString("hex"),
      timestamp: new Date().toISOString(),
    },
    privateKeyPem,
  );
  await c.query("BEGIN");
  try {
    await c.query(
      `INSERT INTO "AuditLeaf" ("index", "eventId") SELECT * FROM unnest($1::bigint[], $2::bigint[])`,
      [events.rows.map((_, i) => first + i), events.rows.map((r) => r.id)],
    );
    await c.query(
      `INSERT INTO "AuditNode" ("level", "index", "hash")
       SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
      [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash)],
    );
    await c.query(
      `INSERT INTO "AuditTreeHead" ("treeSize", "rootHash", "timestamp", "signature")
       VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC', $4)`,
      [head.treeSize, head.rootHash, head.timestamp, head.signature],
    );
    await c.query("COMMIT");
  } catch (err) {
    await c.query("ROLLBACK").catch(() => {});
    throw err;
  }
  return { sealed: events.rows.length, lastEventId: BigInt(events.rows.at(-1)!.id) };
}

/**
 * One round of the sealer on session `c`: take the lock or report busy, find the horizon,
 * seal everything committed up to it in batches of at most SEAL_BATCH (one signed head each).
 */
export async function sealOnce(c: Session, opts: { waitMs?: number } = {}): Promise<SealResult> {
  const key = logKey();
  if (!key) return { status: "no-key", reason: NO_LOG_KEY };
  const lock = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [
    SEALER_LOCK,
  ]);
  if (!lock.rows[0]!.ok) return { status: "busy" };
  try {
    const horizon = await readHorizon(c, opts.waitMs ?? 500);
    const loaded = await loadFrontier(c);
    const frontier = loaded.frontier;
    let lastEventId = loaded.lastEventId;
    if (horizon === null) return { status: "waiting", treeSize: frontier.size };
    let sealed = 0;
    let heads = 0;
    for (;;) {
      const batch = await sealBatch(c, frontier, lastEventId, horizon, key.privateKeyPem);
      if (batch.sealed === 0) break;
      sealed += batch.sealed;
      heads++;
      lastEventId = batch.lastEventId;
      if (batch.sealed < SEAL_BATCH) break;
    }
    return { status: "sealed", treeSize: frontier.size, sealed, heads };
  } finally {
    // A failed batch leaves this round's frontier ahead of the database; the next round
    // reloads it from the stored nodes.
    await c.query("SELECT pg_advisory_unlock($1)", [SEALER_LOCK]);
  }
}

/** `npm run galley -- audit:seal`: one round on a session of its own, waiting for a busy lock. */
export async function sealAuditLog(opts: { lockWaitMs?: number } = {}): Promise<SealResult> {
  const c = await openSession("galley-audit-seal");
  try {
    const deadline = Date.now() + (opts.lockWaitMs ?? 10_000);
    for (;;) {
      const res = await sealOnce(c, { waitMs: 5_000 });
      if (res.status !== "busy" || Date.now() > deadline) return res;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await c.end();
  }
}

/** How often each instance's sealer tries: well within the "at least once a second". */
export const SEAL_INTERVAL_MS = 400;

/**
 * The background sealer of one app instance (lib/server/background.ts). Without a key it logs
 * why once and does not run (/api/health says so too). A lost connection is re-opened on the
 * next tick; the advisory lock died with the old session, so another instance may take over.
 */
export async function startAuditSealer(): Promise<void> {
  if (!logKey()) {
    console.warn(`[galley] audit sealer not started: ${NO_LOG_KEY}`);
    return;
  }
  let session: Session | null = null;
  let lastError = "";
  const tick = async () => {
    try {
      session ??= await openSession("galley-audit-sealer");
      await sealOnce(session);
      lastError = "";
    } catch (err) {
      // Once per distinct failure: a database that is down would otherwise log every tick.
      const message = (err as Error).message;
      if (message !== lastError) console.error("[galley] audit sealer:", message);
      lastError = message;
      const lost = session;
      session = null;
      await lost?.end().catch(() => {});
    }
    setTimeout(() => void tick(), SEAL_INTERVAL_MS).unref();
  };
  setTimeout(() => void tick(), SEAL_INTERVAL_MS).unref();
}
