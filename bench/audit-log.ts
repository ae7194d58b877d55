// Issue 18: the audit log's sealer and proofs. Seals a log of 1,000,000 events (events sealed
// per second, batches of SEAL_BATCH with a signed head each), then times inclusion and
// consistency proofs in a tree of 1,000 leaves against one of 1,000,000 (same run, same
// database): a proof reads O(log² n) stored subtree hashes in one query, so the goal is
// ≤ 2× at 1,000× the leaves.
import pg from "pg";
import { sealOnce } from "@/lib/server/audit-sealer";
import { consistencyProof, inclusionProof } from "@/lib/server/audit-tree";
import { TEST_LOG_PRIVATE_KEY } from "../tests/support/log-key";
import { QUICK, size } from "./lib/args";
import { useInProcess, withBenchDatabase } from "./lib/database";
import { machineInfo } from "./lib/machine";
import { publish, table } from "./lib/report";
import { ms, ratioText, summarize, timeRuns } from "./lib/stats";

const SMALL = 1_000;
const LARGE = size(1_000_000, 50_000);
const INSERT_BATCH = 100_000;
const SAMPLES = size(400, 100);
const GOAL = 2;

await withBenchDatabase("auditlog", async (database) => {
  process.env.GALLEY_LOG_PRIVATE_KEY = TEST_LOG_PRIVATE_KEY;
  await useInProcess(database.url);
  const machine = await machineInfo(database.url);
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  try {
    // Events as the app writes them (ids from galley_audit_next_id()), in bulk with SQL.
    console.log(`[audit-log] inserting ${LARGE} events`);
    for (let done = 0; done < LARGE; done += INSERT_BATCH) {
      await c.query(
        `INSERT INTO "AuditEvent" ("at", "actorType", "actorLabel", "action", "entityType",
           "entityId", "data", "requestId")
         SELECT now(), 'SYSTEM', 'bench', 'article.assign', 'article', 'bench-article-' || (g % 5000),
                jsonb_build_object('from', NULL, 'to', 'user-' || (g % 40), 'note', 'benchmark event'),
                md5(g::text)
         FROM generate_series($1::int, $2::int) g`,
        [done + 1, Math.min(done + INSERT_BATCH, LARGE)],
      );
    }
    await c.query(`VACUUM ANALYZE "AuditEvent"`);

    console.log("[audit-log] sealing");
    const start = process.hrtime.bigint();
    const res = await sealOnce(c);
    const sealSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (res.status !== "sealed" || res.treeSize !== LARGE) {
      throw new Error(`sealer: ${JSON.stringify(res)}`);
    }
    await c.query(`VACUUM ANALYZE "AuditNode"`);
    await c.query(`VACUUM ANALYZE "AuditLeaf"`);
    const perSecond = LARGE / sealSeconds;

    const rand = (n: number) => Math.floor(Math.random() * n);
    console.log(`[audit-log] proofs, ${SAMPLES} each`);
    const opts = { n: SAMPLES, warmup: 30 };
    // Interleaved small/large in the same loop order would still share caches; run each set
    // twice alternately and keep the second, so neither pays for a cold cache alone.
    await timeRuns(() => inclusionProof(rand(SMALL), SMALL), opts);
    await timeRuns(() => inclusionProof(rand(LARGE), LARGE), opts);
    const inclSmall = summarize(await timeRuns(() => inclusionProof(rand(SMALL), SMALL), opts));
    const inclLarge = summarize(await timeRuns(() => inclusionProof(rand(LARGE), LARGE), opts));
    const consSmall = summarize(
      await timeRuns(() => consistencyProof(1 + rand(SMALL - 1), SMALL), opts),
    );
    const consLarge = summarize(
      await timeRuns(() => consistencyProof(1 + rand(LARGE - 1), LARGE), opts),
    );
    const inclRatio = inclLarge.median / inclSmall.median;
    const consRatio = consLarge.median / consSmall.median;
    const row = (label: string, s: ReturnType<typeof summarize>) => [
      label,
      ms(s.median),
      ms(s.p95),
      ms(s.p99),
    ];
    await publish({
      title: "Audit log: sealer and proofs (issue 18)",
      machine,
      setup: [
        `${LARGE.toLocaleString("en")} audit events inserted with SQL (ids from \`galley_audit_next_id()\`), then sealed by one \`sealOnce\` round: batches of 1,000 events, each one transaction (leaves, subtree hashes, a signed tree head).`,
        `Proofs in process through \`lib/server/audit-tree.ts\` (the pool, as the API uses it): ${SAMPLES} random leaves or first sizes per case after 30 warm-up calls, each case run twice and the second kept.`,
        "The machine is shared with other engineers' test runs: absolute times move between runs; the ratios are measured in the same run.",
      ],
      details: [
        `Sealer: ${LARGE.toLocaleString("en")} events in ${sealSeconds.toFixed(1)} s = **${perSecond.toFixed(0)} events/s** (${res.heads} signed heads).`,
        table(
          ["proof", "median ms", "p95 ms", "p99 ms"],
          [
            row(`inclusion, tree of ${SMALL.toLocaleString("en")}`, inclSmall),
            row(`inclusion, tree of ${LARGE.toLocaleString("en")}`, inclLarge),
            row(`consistency, to ${SMALL.toLocaleString("en")}`, consSmall),
            row(`consistency, to ${LARGE.toLocaleString("en")}`, consLarge),
          ],
        ),
      ],
      verdicts: [
        {
          bench: "audit-log",
          metric: `inclusion proof, ${LARGE.toLocaleString("en")} vs ${SMALL.toLocaleString("en")} leaves (median ms)`,
          galley: ms(inclLarge.median),
          baseline: ms(inclSmall.median),
          ratio: ratioText(inclRatio),
          goal: `≤ ${GOAL}×`,
          met: inclRatio <= GOAL,
        },
        {
          bench: "audit-log",
          metric: `consistency proof, ${LARGE.toLocaleString("en")} vs ${SMALL.toLocaleString("en")} leaves (median ms)`,
          galley: ms(consLarge.median),
          baseline: ms(consSmall.median),
          ratio: ratioText(consRatio),
          goal: `≤ ${GOAL}×`,
          met: consRatio <= GOAL,
        },
        {
          bench: "audit-log",
          metric: "events sealed per second",
          galley: perSecond.toFixed(0),
          baseline: "—",
          ratio: "—",
          goal: "reported",
          met: null,
        },
      ],
      notes: QUICK ? [`Quick run: ${LARGE} events.`] : [],
    });
  } finally {
    await c.end();
  }
});
