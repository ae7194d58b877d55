import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { recordAudit } from "@/lib/server/audit";
import { SEALER_LOCK, sealOnce } from "@/lib/server/audit-sealer";
import { latestTreeHead } from "@/lib/server/audit-tree";
import { verifyAuditLog } from "@/lib/server/audit-verify";

// The sealer against real PostgreSQL (ADR 015): leaf order, the horizon with a slow
// transaction holding a lower id, and one sealer at a time.
const url = process.env.DATABASE_URL!;
const actor = { type: "SYSTEM" as const, label: "test" };

let sessions: pg.Client[] = [];
async function session(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  sessions.push(c);
  return c;
}

async function leafIndexOf(c: pg.Client, eventId: string): Promise<number | null> {
  const { rows } = await c.query<{ index: string }>(
    `SELECT "index"::text FROM "AuditLeaf" WHERE "eventId" = $1`,
    [eventId],
  );
  return rows[0] ? Number(rows[0].index) : null;
}

async function eventIdOf(c: pg.Client, entityId: string): Promise<string> {
  const { rows } = await c.query<{ id: string }>(
    `SELECT "id"::text FROM "AuditEvent" WHERE "entityId" = $1`,
    [entityId],
  );
  return rows[0]!.id;
}

let sealer: pg.Client;
let probe: pg.Client;
beforeAll(async () => {
  sealer = await session();
  probe = await session();
});
afterAll(async () => {
  await Promise.all(sessions.map((c) => c.end()));
  sessions = [];
});

describe("the audit sealer", () => {
  it("seals 50 concurrent appends as leaves in id order, with a signed head", async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordAudit({ actor, action: "test.concurrent", entityType: "test", entityId: `c${i}` }),
      ),
    );
    const res = await sealOnce(sealer);
    expect(res.status).toBe("sealed");
    const { rows } = await probe.query<{ unordered: string; unsealed: string }>(
      `SELECT (SELECT count(*) FROM "AuditLeaf" a JOIN "AuditLeaf" b ON a."index" < b."index"
                AND a."eventId" > b."eventId")::text AS unordered,
              (SELECT count(*) FROM "AuditEvent" e WHERE NOT EXISTS
                (SELECT 1 FROM "AuditLeaf" l WHERE l."eventId" = e."id"))::text AS unsealed`,
    );
    expect(rows[0]).toEqual({ unordered: "0", unsealed: "0" });
    const head = await latestTreeHead();
    expect(head?.treeSize).toBe(res.status === "sealed" ? res.treeSize : -1);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("waits for a slow transaction holding a lower id before sealing a higher one", async () => {
    const slow = await session();
    await slow.query("BEGIN");
    // The slow writer has its id but has not inserted anything yet: it has written nothing,
    // so only galley_audit_next_id() gave it an xid.
    const { rows } = await slow.query<{ id: string }>("SELECT galley_audit_next_id()::text AS id");
    const low = rows[0]!.id;
    await recordAudit({ actor, action: "test.horizon", entityType: "test", entityId: "high" });
    const high = await eventIdOf(probe, "high");
    expect(BigInt(high)).toBeGreaterThan(BigInt(low));

    const first = await sealOnce(sealer, { waitMs: 300 });
    expect(first.status).toBe("waiting");
    expect(await leafIndexOf(probe, high)).toBeNull();

    await slow.query(
      `INSERT INTO "AuditEvent" ("id", "at", "actorType", "actorLabel", "action", "entityType",
         "entityId", "data", "requestId")
       VALUES ($1, now(), 'SYSTEM', 'test', 'test.horizon', 'test', 'low', '{}', 'r')`,
      [low],
    );
    await slow.query("COMMIT");
    expect((await sealOnce(sealer)).status).toBe("sealed");
    const lowLeaf = await leafIndexOf(probe, low);
    const highLeaf = await leafIndexOf(probe, high);
    expect(lowLeaf).not.toBeNull();
    expect(highLeaf).toBe(lowLeaf! + 1);
  });

  it("skips ids of rolled-back transactions", async () => {
    const gone = await session();
    await gone.query("BEGIN");
    await gone.query(
      `INSERT INTO "AuditEvent" ("at", "actorType", "actorLabel", "action", "entityType",
         "entityId", "data", "requestId")
       VALUES (now(), 'SYSTEM', 'test', 'test.gap', 'test', 'rolled-back', '{}', 'r')`,
    );
    await recordAudit({ actor, action: "test.gap", entityType: "test", entityId: "after-gap" });
    await gone.query("ROLLBACK");
    expect((await sealOnce(sealer)).status).toBe("sealed");
    expect(await leafIndexOf(probe, await eventIdOf(probe, "after-gap"))).not.toBeNull();
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("works one at a time: a second sealer finds the lock taken", async () => {
    await recordAudit({ actor, action: "test.lock", entityType: "test", entityId: "locked" });
    const other = await session();
    await other.query("SELECT pg_advisory_lock($1)", [SEALER_LOCK]);
    expect(await sealOnce(sealer)).toEqual({ status: "busy" });
    expect(await leafIndexOf(probe, await eventIdOf(probe, "locked"))).toBeNull();
    await other.query("SELECT pg_advisory_unlock($1)", [SEALER_LOCK]);
    expect((await sealOnce(sealer)).status).toBe("sealed");
  });

  it("keeps one valid tree when two sealers race over 2,500 events", async () => {
    await probe.query(
      `INSERT INTO "AuditEvent" ("at", "actorType", "actorLabel", "action", "entityType",
         "entityId", "data", "requestId")
       SELECT now(), 'SYSTEM', 'test', 'test.race', 'test', 'race' || g, jsonb_build_object('g', g), 'r'
       FROM generate_series(1, 2500) g`,
    );
    // Four sessions, as four app instances would have (a session-level lock is re-entrant
    // within one session, so each sealer needs its own).
    const sealers = await Promise.all([session(), session(), session(), session()]);
    const results = await Promise.all(sealers.map((c) => sealOnce(c)));
    expect(results.some((r) => r.status === "sealed")).toBe(true);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
    const { rows } = await probe.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "AuditEvent" e WHERE "action" = 'test.race'
         AND NOT EXISTS (SELECT 1 FROM "AuditLeaf" l WHERE l."eventId" = e."id")`,
    );
    expect(rows[0]!.n).toBe("0");
  });
});
