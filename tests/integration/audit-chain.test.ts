import { describe, expect, it } from "vitest";
import pg from "pg";
import { recordAudit, verifyAuditChain } from "@/lib/server/audit";

describe("hash-chained audit log", () => {
  it("stays unbroken under 50 concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordAudit({
          actor: { type: "SYSTEM", label: "test" },
          action: "test.concurrent",
          entityType: "test",
          entityId: String(i),
          data: { i },
        }),
      ),
    );
    const res = await verifyAuditChain();
    expect(res.ok).toBe(true);
    expect(res.events).toBeGreaterThanOrEqual(50);
  });

  it("names the event whose data was altered behind the trigger's back", async () => {
    await recordAudit({
      actor: { type: "SYSTEM", label: "test" },
      action: "test.tamper",
      entityType: "test",
      entityId: "victim",
      data: { amount: 1 },
    });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT id FROM "AuditEvent" WHERE "entityId" = 'victim'`,
      );
      const id = String(rows[0].id);
      // A superuser can bypass triggers; the chain still exposes the edit.
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`UPDATE "AuditEvent" SET data = '{"amount": 1000}' WHERE id = $1`, [id]);
      await client.query("COMMIT");
      const res = await verifyAuditChain();
      expect(res).toMatchObject({ ok: false, brokenAt: id });
      // Put it back so later tests see an intact chain.
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`UPDATE "AuditEvent" SET data = '{"amount": 1}' WHERE id = $1`, [id]);
      await client.query("COMMIT");
      expect((await verifyAuditChain()).ok).toBe(true);
    } finally {
      await client.end();
    }
  });
});
