// Benchmark 6 (issue 8): the cost of appending one audit event must not grow with the log.
// Measures recordAudit (one insert and commit since issue 18: no lock, no chain; ADR 015) with
// 1,000 and 1,000,000 events already stored, against a plain one-row insert into a same-shaped
// table. The stored events are written chained, as events from before ADR 015 are.
import pg from "pg";
import { eventHash, GENESIS_HASH } from "@/lib/audit/chain";
import { transaction } from "@/lib/db";
import { recordAudit, verifyAuditChain, type AuditInput } from "@/lib/server/audit";
import { QUICK, size } from "./lib/args";
import { useInProcess, withBenchDatabase } from "./lib/database";
import { machineInfo } from "./lib/machine";
import { publish, table, type Verdict } from "./lib/report";
import { ms, msSince, ratioText, summarize, type Summary } from "./lib/stats";

const SMALL_LOG = 1_000;
const LARGE_LOG = size(1_000_000, 50_000);
const SAMPLES = size(500, 100);
const WARMUP = 50;
const BULK_BATCH = 10_000;
const GOAL = 1.2;

function sampleEvent(i: number): AuditInput {
  return {
    actor: { type: "SYSTEM", label: "bench" },
    action: "article.assign",
    entityType: "article",
    entityId: `bench-article-${i % 5000}`,
    data: { from: null, to: `user-${i % 40}`, note: "benchmark event" },
  };
}

/** The same row shape without the chain: same table layout and indexes, no lock, no hash read. */
async function plainInsert(i: number): Promise<void> {
  await transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO bench_audit_plain ("id", "at", "actorType", "actorId", "actorLabel", "action",
        "entityType", "entityId", "data", "requestId", "prevHash", "hash")
      VALUES (nextval('bench_audit_plain_seq'), now(), 'SYSTEM', NULL, 'bench', 'article.assign',
        'article', ${`bench-article-${i % 5000}`},
        ${JSON.stringify({ from: null, to: `user-${i % 40}`, note: "benchmark event" })}::jsonb,
        ${crypto.randomUUID()}, ${"0".repeat(64)}, ${"f".repeat(64)})`;
  });
}

/** Alternates Galley and baseline appends so drift (autovacuum, caches) hits both alike. */
async function measure(): Promise<{ galley: Summary; plain: Summary }> {
  const galley: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    let start = process.hrtime.bigint();
    await recordAudit(sampleEvent(i));
    if (i >= WARMUP) galley.push(msSince(start));
    start = process.hrtime.bigint();
    await plainInsert(i);
    if (i >= WARMUP) plain.push(msSince(start));
  }
  return { galley: summarize(galley), plain: summarize(plain) };
}

/**
 * Grows the log to `target` events quickly: hashes are computed in Node exactly as appendAudit
 * computes them (so the whole chain still verifies) and rows go in 10,000 at a time.
 */
async function growLog(client: pg.Client, target: number): Promise<void> {
  const head = await client.query<{ head: string; hash: string }>(
    `SELECT "id"::text AS "head", "hash" FROM "AuditEvent" ORDER BY "AuditEvent"."id" DESC LIMIT 1`,
  );
  let id = Number(head.rows[0]?.head ?? 0);
  let prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
  const at = new Date();
  while (id < target) {
    const cols: string[][] = Array.from({ length: 10 }, () => []);
    for (let k = 0; k < BULK_BATCH && id < target; k++) {
      id++;
      const input = sampleEvent(id);
      const content = {
        id: String(id),
        at: at.toISOString(),
        actorType: "SYSTEM",
        actorId: null,
        actorLabel: "bench",
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        data: input.data ?? {},
        requestId: crypto.randomUUID(),
      };
      const hash = eventHash(prevHash, content);
      const row = [
        content.id,
        content.at,
        content.action,
        content.entityType,
        content.entityId,
        JSON.stringify(content.data),
        content.requestId,
        prevHash,
        hash,
      ];
      row.forEach((v, c) => cols[c]!.push(v));
      prevHash = hash;
    }
    await client.query(
      `INSERT INTO "AuditEvent" ("id", "at", "actorType", "actorId", "actorLabel", "action",
         "entityType", "entityId", "data", "requestId", "prevHash", "hash")
       SELECT i, a, 'SYSTEM', NULL, 'bench', act, et, eid, d, rid, ph, h
       FROM unnest($1::bigint[], $2::timestamp[], $3::text[], $4::text[], $5::text[],
                   $6::jsonb[], $7::text[], $8::text[], $9::text[]) AS t(i, a, act, et, eid, d, rid, ph, h)`,
      cols.slice(0, 9),
    );
  }
  await client.query(
    `SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), (SELECT max("id") FROM "AuditEvent"))`,
  );
}

async function copyLogToPlain(client: pg.Client): Promise<void> {
  await client.query(`
    INSERT INTO bench_audit_plain
    SELECT "id" + 100000000, "at", "actorType", "actorId", "actorLabel", "action", "entityType",
           "entityId", "data", "requestId", "prevHash", "hash"
    FROM "AuditEvent" WHERE "id" + 100000000 > (SELECT coalesce(max("id"), 0) FROM bench_audit_plain)`);
  await client.query(
    `SELECT setval('bench_audit_plain_seq', (SELECT max("id") FROM bench_audit_plain))`,
  );
}

async function count(client: pg.Client, tableName: string): Promise<number> {
  const res = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${tableName}`);
  return Number(res.rows[0]!.n);
}

await withBenchDatabase("audit", async (database) => {
  await useInProcess(database.url);
  const machine = await machineInfo(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_audit_plain (LIKE "AuditEvent" INCLUDING INDEXES)`);
    await client.query(`CREATE SEQUENCE bench_audit_plain_seq`);

    console.log(`[audit] appending the first ${SMALL_LOG} events with recordAudit`);
    for (let i = 0; i < SMALL_LOG; i++) await recordAudit(sampleEvent(i));
    await copyLogToPlain(client);
    await client.query(`VACUUM ANALYZE "AuditEvent", bench_audit_plain`);
    const smallSize = await count(client, `"AuditEvent"`);
    const small = await measure();

    console.log(`[audit] growing the log to ${LARGE_LOG.toLocaleString("en")} events`);
    const growStart = process.hrtime.bigint();
    await growLog(client, LARGE_LOG);
    await copyLogToPlain(client);
    // What autovacuum would have done after that many inserts.
    await client.query(`VACUUM ANALYZE "AuditEvent", bench_audit_plain`);
    const growSeconds = msSince(growStart) / 1000;
    const largeSize = await count(client, `"AuditEvent"`);
    const large = await measure();

    console.log("[audit] verifying the whole chain");
    const verifyStart = process.hrtime.bigint();
    const verified = await verifyAuditChain();
    const verifySeconds = msSince(verifyStart) / 1000;
    if (!verified.ok) throw new Error(`audit chain broken: ${JSON.stringify(verified)}`);

    const flat = large.galley.median / small.galley.median;
    const flatPlain = large.plain.median / small.plain.median;
    const row = (label: string, s: Summary) => [label, s.n, ms(s.median), ms(s.p95), ms(s.p99)];
    const sizeLabel = (n: number) => n.toLocaleString("en");
    const verdicts: Verdict[] = [
      {
        bench: "audit-append",
        metric: `recordAudit median, ${sizeLabel(largeSize)} vs ${sizeLabel(smallSize)} events`,
        galley: `${ms(large.galley.median)} ms vs ${ms(small.galley.median)} ms`,
        baseline: `plain insert ${ms(large.plain.median)} ms vs ${ms(small.plain.median)} ms (${ratioText(flatPlain)})`,
        ratio: ratioText(flat),
        goal: `≈ 1 (≤ ${GOAL})`,
        met: flat <= GOAL,
      },
    ];
    await publish({
      title: "Audit append (benchmark 6)",
      machine,
      setup: [
        `Fresh database; the first ${sizeLabel(SMALL_LOG)} events appended with the real \`recordAudit\`.`,
        `Grown to ${sizeLabel(largeSize)} events by bulk \`INSERT … SELECT unnest(…)\` of rows whose hashes were computed in Node with \`eventHash\` (the same chain appendAudit builds), in ${growSeconds.toFixed(0)} s; then \`VACUUM ANALYZE\`, as autovacuum would.`,
        `At each size, ${SAMPLES} timed \`recordAudit\` calls (after ${WARMUP} warm-up), alternating with a baseline: one \`INSERT\` in a transaction through the same Prisma client into \`bench_audit_plain\`, a copy of the \`AuditEvent\` table with the same indexes and as many rows, without the chain lock or the newest-hash read.`,
        `Afterwards \`verifyAuditChain\` checked all ${sizeLabel(verified.events)} events: ok (${verifySeconds.toFixed(1)} s).`,
      ],
      details: [
        table(
          ["append (ms)", "n", "median", "p95", "p99"],
          [
            row(`recordAudit, ${sizeLabel(smallSize)} in log`, small.galley),
            row(`recordAudit, ${sizeLabel(largeSize)} in log`, large.galley),
            row(`plain insert, ${sizeLabel(smallSize)} rows`, small.plain),
            row(`plain insert, ${sizeLabel(largeSize)} rows`, large.plain),
          ],
        ),
        `Chain overhead (recordAudit ÷ plain insert, medians): ${ratioText(small.galley.median / small.plain.median)} at ${sizeLabel(smallSize)}, ${ratioText(large.galley.median / large.plain.median)} at ${sizeLabel(largeSize)}.`,
      ],
      verdicts,
      notes: QUICK ? ["Quick run: the large log is 50,000 events, not 1,000,000."] : [],
    });
  } finally {
    await client.end();
  }
});
