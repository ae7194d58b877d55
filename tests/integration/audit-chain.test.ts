import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { GENESIS_HASH, eventHash, type ChainedContent } from "@/lib/audit/chain";
import { Frontier } from "@/lib/audit/frontier";
import { leafBytes } from "@/lib/audit/leaf";
import { leafHash } from "@/lib/audit/merkle";
import { migrate } from "@/lib/db/migrate";
import { verifyAuditChain } from "@/lib/server/audit";
import { sealOnce } from "@/lib/server/audit-sealer";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";

// The hash chain of ADR 004 before the Merkle tree (ADR 015): events written under it become
// the first leaves in id order, and the chain stays verifiable for the events it covers.
const MERKLE_MIGRATION = "20261201040000_merkle_audit_log";

/** Appends chained events the way appendAudit did before the Merkle tree. */
async function appendChained(c: pg.Client, n: number, tag: string): Promise<ChainedContent[]> {
  const out: ChainedContent[] = [];
  for (let i = 0; i < n; i++) {
    const { rows } = await c.query<{ hash: string | null; id: string }>(
      `SELECT (SELECT "hash" FROM "AuditEvent" WHERE "hash" IS NOT NULL ORDER BY "id" DESC LIMIT 1) AS hash,
              nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text AS id`,
    );
    const prev = rows[0]!.hash ?? GENESIS_HASH;
    const content: ChainedContent = {
      id: rows[0]!.id,
      at: new Date(Date.UTC(2026, 10, 1, 9, 0, i)).toISOString(),
      actorType: "SYSTEM",
      actorId: null,
      actorLabel: "legacy",
      action: "test.legacy",
      entityType: "test",
      entityId: `${tag}${i}`,
      data: { i, nested: { b: 1, a: [1, "x"] } },
      requestId: `r${i}`,
    };
    await c.query(
      `INSERT INTO "AuditEvent" ("id", "at", "actorType", "actorId", "actorLabel", "action",
         "entityType", "entityId", "data", "requestId", "prevHash", "hash")
       VALUES ($1, $2, 'SYSTEM', NULL, 'legacy', 'test.legacy', 'test', $3, $4, $5, $6, $7)`,
      [
        content.id,
        content.at.replace("Z", ""),
        content.entityId,
        JSON.stringify(content.data),
        content.requestId,
        prev,
        eventHash(prev, content),
      ],
    );
    out.push(content);
  }
  return out;
}

describe("events of the hash chain", () => {
  let db: { name: string; url: string };
  let c: pg.Client;
  let legacy: ChainedContent[];

  beforeAll(async () => {
    // A database migrated up to just before the tree, holding chained events.
    db = await createTestDatabase("galley_chain");
    const before = await mkdtemp(path.join(os.tmpdir(), "galley-migrations-"));
    const all = path.join(process.cwd(), "prisma", "migrations");
    for (const name of await readdir(all)) {
      if (name >= MERKLE_MIGRATION) continue;
      await cp(path.join(all, name), path.join(before, name), { recursive: true });
    }
    await migrate(db.url, before);
    await rm(before, { recursive: true, force: true });
    c = new pg.Client({ connectionString: db.url });
    await c.connect();
    legacy = await appendChained(c, 5, "old");
    await migrate(db.url);
  });
  afterAll(async () => {
    await c.end();
    await dropTestDatabase(db.name);
  });

  it("become the first leaves, in id order, under a signed root", async () => {
    const res = await sealOnce(c);
    expect(res).toMatchObject({ status: "sealed", treeSize: 5 });
    const { rows } = await c.query<{ id: string }>(
      `SELECT "eventId"::text AS id FROM "AuditLeaf" ORDER BY "index"`,
    );
    expect(rows.map((r) => r.id)).toEqual(legacy.map((e) => e.id));
    const f = new Frontier(0);
    for (const e of legacy) f.append(leafHash(leafBytes(e)));
    const head = await c.query<{ rootHash: string }>(
      `SELECT "rootHash" FROM "AuditTreeHead" WHERE "treeSize" = 5`,
    );
    expect(head.rows[0]!.rootHash).toBe(f.root().toString("hex"));
  });
});

describe("the hash chain verifier (ADR 004)", () => {
  let c: pg.Client;
  beforeAll(async () => {
    c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
  });
  afterAll(() => c.end());

  it("still names the chained event whose data was altered behind the trigger's back", async () => {
    const [victim] = (await appendChained(c, 3, "chain")).slice(1);
    expect((await verifyAuditChain()).ok).toBe(true);
    const behind = async (sql: string) => {
      await c.query("BEGIN");
      await c.query("SET LOCAL session_replication_role = replica");
      await c.query(sql, [victim!.id]);
      await c.query("COMMIT");
    };
    await behind(`UPDATE "AuditEvent" SET data = '{"i": 1000}' WHERE id = $1`);
    try {
      expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: victim!.id });
    } finally {
      await behind(
        `UPDATE "AuditEvent" SET data = '{"i": 1, "nested": {"b": 1, "a": [1, "x"]}}' WHERE id = $1`,
      );
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
