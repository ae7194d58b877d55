import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { generateLogKeyPair, signTreeHead } from "@/lib/audit/sth";
import { recordAudit } from "@/lib/server/audit";
import { sealOnce } from "@/lib/server/audit-sealer";
import { latestTreeHead } from "@/lib/server/audit-tree";
import { verifyAgainstSavedHead, verifyAuditLog } from "@/lib/server/audit-verify";

// Tampering as a database superuser would do it: triggers skipped with
// session_replication_role = replica. Each case checks that verification names what failed,
// then puts the rows back so the worker's other files see an intact log.
const actor = { type: "SYSTEM" as const, label: "test" };
let su: pg.Client;
let sealer: pg.Client;

async function behindTriggers(sql: string, params: unknown[] = []): Promise<void> {
  await su.query("BEGIN");
  await su.query("SET LOCAL session_replication_role = replica");
  await su.query(sql, params);
  await su.query("COMMIT");
}

/** The rows of `table` matching `where`, to be put back later exactly as they were. */
async function saveRows(table: string, where: string, params: unknown[] = []) {
  const { rows } = await su.query<{ rows: string | null }>(
    `SELECT json_agg(t)::text AS rows FROM "${table}" t WHERE ${where}`,
    params,
  );
  const saved = rows[0]!.rows ?? "[]";
  return async () =>
    behindTriggers(
      `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(null::"${table}", $1::json)`,
      [saved],
    );
}

async function sealAll(): Promise<number> {
  const res = await sealOnce(sealer);
  if (res.status !== "sealed") throw new Error(`sealer: ${res.status}`);
  return res.treeSize;
}

async function appendAndSeal(n: number): Promise<{ size: number; ids: string[] }> {
  for (let i = 0; i < n; i++) {
    await recordAudit({
      actor,
      action: "test.tamper",
      entityType: "test",
      entityId: `t${i}`,
      data: { amount: i },
    });
  }
  const size = await sealAll();
  const { rows } = await su.query<{ id: string }>(
    `SELECT "eventId"::text AS id FROM "AuditLeaf" WHERE "index" >= $1 ORDER BY "index"`,
    [size - n],
  );
  return { size, ids: rows.map((r) => r.id) };
}

beforeAll(async () => {
  su = new pg.Client({ connectionString: process.env.DATABASE_URL });
  sealer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([su.connect(), sealer.connect()]);
});
afterAll(async () => {
  await Promise.all([su.end(), sealer.end()]);
});
beforeEach(async () => {
  await sealAll();
  expect(await verifyAuditLog()).toMatchObject({ ok: true });
});

describe("audit:verify detects tampering", () => {
  it("an edited event, naming its leaf and event", async () => {
    const { ids, size } = await appendAndSeal(5);
    const victim = ids[2]!;
    const index = size - 3;
    await behindTriggers(`UPDATE "AuditEvent" SET "data" = '{"amount": 1000}' WHERE "id" = $1`, [
      victim,
    ]);
    try {
      expect(await verifyAuditLog()).toEqual({
        ok: false,
        failure: `leaf ${index} (event ${victim}): content does not match its leaf hash`,
      });
    } finally {
      await behindTriggers(`UPDATE "AuditEvent" SET "data" = '{"amount": 2}' WHERE "id" = $1`, [
        victim,
      ]);
    }
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("a deleted event in the middle", async () => {
    const { ids, size } = await appendAndSeal(5);
    const victim = ids[1]!;
    const restore = await saveRows("AuditEvent", `"id" = $1`, [victim]);
    await behindTriggers(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [victim]);
    try {
      expect(await verifyAuditLog()).toEqual({
        ok: false,
        failure: `leaf ${size - 4}: event ${victim} is missing`,
      });
    } finally {
      await restore();
    }
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("a truncated tail, against a head a watchdog saved", async () => {
    const before = (await appendAndSeal(2)).size;
    const { size } = await appendAndSeal(3);
    const saved = (await latestTreeHead())!;
    expect(saved.treeSize).toBe(size);
    // Everything after the earlier head goes: events, leaves, nodes and heads, so the
    // shortened log is consistent in itself.
    const restores = [
      await saveRows("AuditTreeHead", `"treeSize" > $1`, [before]),
      await saveRows("AuditNode", `("index" + 1) * (1::bigint << "level") > $1`, [before]),
      await saveRows("AuditLeaf", `"index" >= $1`, [before]),
      await saveRows(
        "AuditEvent",
        `"id" IN (SELECT "eventId" FROM "AuditLeaf" WHERE "index" >= $1)`,
        [before],
      ),
    ];
    await behindTriggers(`DELETE FROM "AuditTreeHead" WHERE "treeSize" > $1`, [before]);
    await behindTriggers(
      `DELETE FROM "AuditNode" WHERE ("index" + 1) * (1::bigint << "level") > $1`,
      [before],
    );
    await behindTriggers(
      `WITH gone AS (DELETE FROM "AuditLeaf" WHERE "index" >= $1 RETURNING "eventId")
       DELETE FROM "AuditEvent" WHERE "id" IN (SELECT "eventId" FROM gone)`,
      [before],
    );
    try {
      // On its own the shortened log verifies: this is what the saved head is for.
      expect(await verifyAuditLog()).toMatchObject({ ok: true, leaves: before });
      expect(await verifyAgainstSavedHead(saved)).toEqual({
        ok: false,
        failure:
          `saved head at tree size ${size} is beyond the log's newest head (tree size ${before}): ` +
          `3 leaves were removed from its tail`,
      });
    } finally {
      for (const restore of restores.reverse()) await restore();
    }
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
    expect(await verifyAgainstSavedHead(saved)).toMatchObject({ ok: true });
  });

  it("a forged signed tree head", async () => {
    const { size } = await appendAndSeal(2);
    const real = (await latestTreeHead())!;
    const forgedRoot = "ab".repeat(32);
    await behindTriggers(`UPDATE "AuditTreeHead" SET "rootHash" = $1 WHERE "treeSize" = $2`, [
      forgedRoot,
      size,
    ]);
    try {
      expect(await verifyAuditLog()).toEqual({
        ok: false,
        failure: `signed tree head at tree size ${size}: signature does not verify`,
      });
    } finally {
      await behindTriggers(`UPDATE "AuditTreeHead" SET "rootHash" = $1 WHERE "treeSize" = $2`, [
        real.rootHash,
        size,
      ]);
    }
    // A head signed with another key, handed to a watchdog as this log's, is refused too.
    const other = signTreeHead(
      { treeSize: real.treeSize, rootHash: real.rootHash, timestamp: real.timestamp },
      generateLogKeyPair().privateKeyPem,
    );
    expect(await verifyAgainstSavedHead(other)).toEqual({
      ok: false,
      failure: `saved head at tree size ${size}: signature does not verify with this log's key`,
    });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });
});
