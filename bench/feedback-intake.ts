// Benchmark 1 (issue 8): reader feedback intake under load. POST /api/v1/articles/:id/feedback
// (validation, anchor check, two rate-limit upserts, insert + audit event) against
// POST /api/bench/baseline (one insert through the same Prisma driver), same server, same run.
// Issue 18: audit appends take no lock; the sealer must catch up within 2 s after the load, and
// two app instances on one PostgreSQL must together serve at least what one does.
import pg from "pg";
import { loadFeedback, prepareFeedbackBench } from "./lib/feedback-setup";
import { verifyAuditLog } from "@/lib/server/audit-verify";
import { TEST_LOG_PRIVATE_KEY } from "../tests/support/log-key";
import { QUICK, size } from "./lib/args";
import { useInProcess, withBenchDatabase } from "./lib/database";
import { machineInfo } from "./lib/machine";
import { cpuSeconds, sampleWaits } from "./lib/observe";
import { publish, table } from "./lib/report";
import { ensureBenchBuild, withBenchServer } from "./lib/server";
import { ratioText } from "./lib/stats";

const CONNECTIONS = 100;
const DURATION_S = size(30, 5);
const WARMUP_S = size(5, 2);
const SINGLE_S = size(10, 3);
const GOAL = 0.7;
const SEAL_GOAL_MS = 2000;
// Every request comes from a new address, so the per-reader limit is counted but never reached;
// the per-article counter takes every hit, so its limit is set far above what a run can send.
const LIMITS = {
  GALLEY_FEEDBACK_LIMIT_PER_READER: "1000",
  GALLEY_FEEDBACK_LIMIT_PER_ARTICLE: "100000000",
};

interface LoadResult {
  connections: number;
  /** Share of one core the server process used during the run. */
  serverCpu: number;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

async function load(
  url: string,
  body: string,
  seconds: number,
  serverPid: number,
  connections = CONNECTIONS,
): Promise<LoadResult> {
  const cpuBefore = cpuSeconds(serverPid);
  const result = await loadFeedback({ url, body, seconds, connections });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
  );
  return {
    connections,
    serverCpu: (cpuSeconds(serverPid) - cpuBefore) / result.duration,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Milliseconds from now until every audit event is a leaf (the newest event id sealed), or
 * null if that takes over 30 s. Called the moment a load stops.
 */
async function sealLag(client: pg.Client): Promise<number | null> {
  const start = Date.now();
  while (Date.now() - start < 30_000) {
    const { rows } = await client.query<{ sealed: boolean }>(
      `SELECT COALESCE((SELECT max("eventId") FROM "AuditLeaf"), 0)
              >= COALESCE((SELECT max("id") FROM "AuditEvent"), 0) AS sealed`,
    );
    if (rows[0]!.sealed) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/** Waits until the row count stops changing (requests still in flight when the load stopped). */
async function settledCount(client: pg.Client, sql: string): Promise<number> {
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const n = Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    if (n === last) return n;
    last = n;
  }
}

await ensureBenchBuild();
await withBenchDatabase("feedback", async (database) => {
  // The bench servers sign with the tests' key (tests/support/app-server.ts); so does this check.
  process.env.GALLEY_LOG_PRIVATE_KEY = TEST_LOG_PRIVATE_KEY;
  await useInProcess(database.url);
  const machine = await machineInfo(database.url);
  const { articleId, body: feedbackBody } = await prepareFeedbackBench(database.url, "bench-fb-1");

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const env = {
      GALLEY_BENCH_ROUTES: "1",
      ...LIMITS,
      // autocannon stands in for a proxy: each request names its reader in X-Forwarded-For.
      GALLEY_TRUSTED_PROXIES: "loopback",
      // Readers may only comment on text they are shown; the bench article is never published.
      GALLEY_PUBLIC_SHOWS_UNREVIEWED: "1",
    };
    const runs = await withBenchServer(database.url, 3301, env, async (app) => {
      const pid = app.child.pid!;
      const feedbackUrl = `${app.url}/api/v1/articles/${articleId}/feedback`;
      const baselineUrl = `${app.url}/api/bench/baseline`;
      const countFeedback = `SELECT count(*)::text AS n FROM "Feedback"`;
      const countBaseline = `SELECT count(*)::text AS n FROM bench_baseline`;
      console.log(`[feedback] warm-up ${WARMUP_S} s each`);
      await load(baselineUrl, feedbackBody, WARMUP_S, pid);
      await load(feedbackUrl, feedbackBody, WARMUP_S, pid);
      // One connection: the cost of one request with no queueing or lock waits.
      console.log(`[feedback] one connection, ${SINGLE_S} s each`);
      const baselineSingle = await load(baselineUrl, feedbackBody, SINGLE_S, pid, 1);
      const feedbackSingle = await load(feedbackUrl, feedbackBody, SINGLE_S, pid, 1);
      const baselineBefore = await settledCount(client, countBaseline);
      const feedbackBefore = await settledCount(client, countFeedback);
      console.log(`[feedback] baseline ${DURATION_S} s × ${CONNECTIONS} connections`);
      const baseline = await load(baselineUrl, feedbackBody, DURATION_S, pid);
      const baselineRows = (await settledCount(client, countBaseline)) - baselineBefore;
      console.log(`[feedback] feedback ${DURATION_S} s × ${CONNECTIONS} connections`);
      const waits = sampleWaits(database.url);
      await waits.ready;
      const feedback = await load(feedbackUrl, feedbackBody, DURATION_S, pid);
      const feedbackSealMs = await sealLag(client);
      const feedbackWaits = await waits.stop();
      const feedbackRows = (await settledCount(client, countFeedback)) - feedbackBefore;

      // A second instance on the same database; the load split evenly between the two. Rows
      // are counted from after the second instance's warm-up (its rows are not the run's).
      const two = await withBenchServer(database.url, 3302, env, async (second) => {
        const secondUrl = `${second.url}/api/v1/articles/${articleId}/feedback`;
        console.log(
          `[feedback] two instances: ${DURATION_S} s × ${CONNECTIONS / 2} connections each`,
        );
        await load(secondUrl, feedbackBody, WARMUP_S, second.child.pid!);
        const before = await settledCount(client, countFeedback);
        const [a, b] = await Promise.all([
          load(feedbackUrl, feedbackBody, DURATION_S, pid, CONNECTIONS / 2),
          load(secondUrl, feedbackBody, DURATION_S, second.child.pid!, CONNECTIONS / 2),
        ]);
        const sealMs = await sealLag(client);
        return { a, b, sealMs, rows: (await settledCount(client, countFeedback)) - before };
      });
      const twoRows = two.rows;
      return {
        two,
        twoRows,
        feedbackSealMs,
        baseline,
        baselineRows,
        feedback,
        feedbackRows,
        baselineSingle,
        feedbackSingle,
        feedbackWaits,
      };
    });
    const { baseline, baselineRows, feedback, feedbackRows, baselineSingle, feedbackSingle } = runs;
    const log = await verifyAuditLog();
    const { two, twoRows, feedbackSealMs } = runs;
    const twoRps = two.a.rps + two.b.rps;
    const twoCreated = (two.a.statuses["201"] ?? 0) + (two.b.statuses["201"] ?? 0);
    const twoRatio = twoRps / feedback.rps;
    const sealText = (lag: number | null) => (lag === null ? "over 30 s" : `${lag} ms`);
    const created = (r: LoadResult) => r.statuses["201"] ?? 0;
    // Each 201 must be a stored row. Rows may exceed 201s by requests still in flight when the
    // load stopped (at most one per connection), which the server finished but nobody counted.
    const consistent = (r: LoadResult, rows: number) =>
      rows >= created(r) && rows - created(r) <= CONNECTIONS;
    const ratio = feedback.rps / baseline.rps;
    const rowsOk = (created: number, rows: number) =>
      rows >= created && rows - created <= CONNECTIONS;
    const other = (r: LoadResult) =>
      Object.entries(r.statuses)
        .filter(([code]) => code !== "201")
        .map(([code, n]) => `${code}: ${n}`)
        .join(", ") || "none";
    const row = (label: string, r: LoadResult, rows: number | string) => [
      label,
      r.connections,
      r.rps.toFixed(0),
      r.p50.toFixed(0),
      r.p99.toFixed(0),
      created(r),
      rows,
      other(r),
      `${r.errors} / ${r.timeouts}`,
      `${(r.serverCpu * 100).toFixed(0)}%`,
    ];
    await publish({
      title: "Reader feedback intake (benchmark 1)",
      machine,
      setup: [
        `One ingested article (9 segments); the server is the production build with the default pools (\`GALLEY_DB_POOL_SIZE\` 10 each: the ORM's and the intake's) and \`GALLEY_FEEDBACK_LIMIT_PER_READER=${LIMITS.GALLEY_FEEDBACK_LIMIT_PER_READER}\`, \`_PER_ARTICLE=${LIMITS.GALLEY_FEEDBACK_LIMIT_PER_ARTICLE}\`.`,
        `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per route after ${WARMUP_S} s of warm-up each (and ${SINGLE_S} s with one connection, for the cost of a lone request); a new \`X-Forwarded-For\` on every request, so both rate-limit counters are hit on every request but never reach their limit.`,
        "Body: category, comment, segment index, quote and its offsets (what the reading page's script sends); the baseline route stores the same body as one row.",
        "Server CPU is the share of one core the `next start` process used (from /proc); the machine has the load generator and PostgreSQL on the same cores.",
        `Rows counted with \`SELECT count(*)\` once the counts settled; audit log verified afterwards (\`verifyAuditLog\`: every leaf, node and signed head): ${log.ok ? `ok (${log.leaves} leaves, ${log.heads} heads)` : `**broken**: ${log.failure}`}.`,
        "Sealed: the time from the end of the load until the newest audit event is a leaf (the sealer runs every 400 ms in each instance; one works at a time).",
        `Two instances: a second \`next start\` on the same database, ${CONNECTIONS / 2} connections to each at once, after ${WARMUP_S} s of warm-up of the second.`,
      ],
      details: [
        table(
          [
            "route",
            "connections",
            "req/s",
            "p50 ms",
            "p99 ms",
            "201s",
            "rows stored",
            "other statuses",
            "errors / timeouts",
            "server CPU",
          ],
          [
            row("POST /api/v1/articles/:id/feedback", feedback, feedbackRows),
            row("POST /api/bench/baseline", baseline, baselineRows),
            row("POST /api/v1/articles/:id/feedback", feedbackSingle, "—"),
            row("POST /api/bench/baseline", baselineSingle, "—"),
            row("feedback, instance 1 of 2", two.a, "—"),
            row("feedback, instance 2 of 2", two.b, "—"),
          ],
        ),
        `Two instances together: ${twoRps.toFixed(0)} req/s, ${twoCreated} 201s, ${twoRows} rows stored; tree sealed up to the last event ${sealText(two.sealMs)} after the load stopped (one instance: ${sealText(feedbackSealMs)}).`,
        `PostgreSQL backends of the app during the ${CONNECTIONS}-connection feedback run (pg_stat_activity every 100 ms, average backends per sample): ${runs.feedbackWaits
          .slice(0, 5)
          .map((w) => `${w.state} ${w.backends.toFixed(1)}`)
          .join("; ")}.`,
        `Every 201 a stored row: feedback ${consistent(feedback, feedbackRows) ? "yes" : "**no**"}, baseline ${consistent(baseline, baselineRows) ? "yes" : "**no**"}.`,
      ],
      verdicts: [
        {
          bench: "feedback-intake",
          metric: `feedback req/s at ${CONNECTIONS} connections (p50 / p99 ms)`,
          galley: `${feedback.rps.toFixed(0)} (${feedback.p50.toFixed(0)} / ${feedback.p99.toFixed(0)})`,
          baseline: `${baseline.rps.toFixed(0)} (${baseline.p50.toFixed(0)} / ${baseline.p99.toFixed(0)})`,
          ratio: ratioText(ratio),
          goal: `≥ ${GOAL}×`,
          met: ratio >= GOAL,
        },
        {
          bench: "feedback-intake",
          metric: "every 201 is a stored row",
          galley: `${created(feedback)} 201s, ${feedbackRows} rows`,
          baseline: `${created(baseline)} 201s, ${baselineRows} rows`,
          ratio: "—",
          goal: "rows ≥ 201s",
          met: consistent(feedback, feedbackRows) && consistent(baseline, baselineRows),
        },
        {
          bench: "feedback-intake",
          metric: "audit tree sealed up to the last event after the load stops",
          galley: `${sealText(feedbackSealMs)} (two instances: ${sealText(two.sealMs)})`,
          baseline: "—",
          ratio: "—",
          goal: `≤ ${SEAL_GOAL_MS} ms`,
          met:
            feedbackSealMs !== null &&
            two.sealMs !== null &&
            Math.max(feedbackSealMs, two.sealMs) <= SEAL_GOAL_MS,
        },
        {
          bench: "feedback-intake",
          metric: `feedback req/s, two instances vs one (${CONNECTIONS} connections in all)`,
          galley: `${twoRps.toFixed(0)}`,
          baseline: `${feedback.rps.toFixed(0)}`,
          ratio: ratioText(twoRatio),
          goal: "≥ 1×",
          met: twoRatio >= 1 && rowsOk(twoCreated, twoRows),
        },
      ],
      notes: QUICK ? [`Quick run: ${DURATION_S} s per route.`] : [],
    });
  } finally {
    await client.end();
  }
});
