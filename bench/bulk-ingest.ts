// Benchmark 5 (issue 8): bulk ingest. 10,000 articles in one NDJSON upload to
// POST /api/v1/articles/bulk: articles per second and the server's peak memory. Baseline: the
// same articles through ingestArticle called in this process with the same concurrency as the
// endpoint (6 in flight), into a second fresh database — the domain work without HTTP, streaming,
// JSON parsing and validation, so the ratio is what the endpoint adds on top.
import http from "node:http";
import { ingestArticle } from "@/lib/server/ingest";
import type { IngestArticleInput } from "@/lib/ingest/schema";
import { QUICK, size } from "./lib/args";
import { articleInput, seeded } from "./lib/data";
import { useInProcess, withBenchDatabase } from "./lib/database";
import { seedDemoAndToken } from "./lib/http";
import { machineInfo } from "./lib/machine";
import { publish, table } from "./lib/report";
import { highWaterMark, mib, sampleRss, treeRss } from "./lib/rss";
import { ensureBenchBuild, withBenchServer } from "./lib/server";
import { msSince, ratioText } from "./lib/stats";

const ARTICLES = size(10_000, 500);
const WARMUP_ARTICLES = size(200, 50);
const SHAPE = { paragraphs: 6, wordsPerParagraph: 40 };

function articles(prefix: string, n: number): IngestArticleInput[] {
  const rand = seeded(5);
  return Array.from({ length: n }, (_, i) =>
    articleInput(rand, { ...SHAPE, externalId: `${prefix}-${i}` }),
  );
}

interface BulkSummary {
  created: number;
  existing: number;
  errors: number;
  results: { status: string; message?: string }[];
}

/** node:http rather than fetch: the answer comes only when all lines are stored (minutes). */
function postNdjson(url: string, token: string, body: Buffer): Promise<BulkSummary> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/x-ndjson",
        "content-length": body.length,
      },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if (res.statusCode !== 200)
          reject(new Error(`bulk: ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text) as BulkSummary);
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

function assertAllCreated(summary: BulkSummary, n: number): void {
  if (summary.created !== n) {
    const firstError = summary.results.find((r) => r.status === "error");
    throw new Error(`created ${summary.created} of ${n}: ${JSON.stringify(firstError)}`);
  }
}

const ndjson = (items: IngestArticleInput[]) =>
  Buffer.from(items.map((a) => JSON.stringify(a)).join("\n") + "\n");

/** In-process baseline: single-article ingests, this many at a time. */
const BULK_CONCURRENCY = 6;

async function inProcessIngest(items: IngestArticleInput[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const res = await ingestArticle(items[next++]!, { type: "SYSTEM", label: "bench" });
      if (!res.created) throw new Error("baseline: article was not created");
    }
  };
  await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
}

await ensureBenchBuild();
const warmup = articles("bench-warm", WARMUP_ARTICLES);
const main = articles("bench-bulk", ARTICLES);
const body = ndjson(main);

const http_ = await withBenchDatabase("bulk_http", async (database) => {
  const machine = await machineInfo(database.url);
  const token = await seedDemoAndToken(database.url, "editor@galley.local");
  return withBenchServer(database.url, 3305, {}, async (app) => {
    const pid = app.child.pid!;
    const url = `${app.url}/api/v1/articles/bulk`;
    console.log(`[bulk] warm-up: ${WARMUP_ARTICLES} articles`);
    const warmSampler = sampleRss(pid);
    assertAllCreated(await postNdjson(url, token, ndjson(warmup)), WARMUP_ARTICLES);
    const warmPeak = warmSampler.stop();
    await new Promise((r) => setTimeout(r, 1000));
    const idle = treeRss(pid);
    console.log(`[bulk] ${ARTICLES} articles (${mib(body.length)}) in one upload`);
    const sampler = sampleRss(pid);
    const start = process.hrtime.bigint();
    const summary = await postNdjson(url, token, body);
    const seconds = msSince(start) / 1000;
    const peak = sampler.stop();
    assertAllCreated(summary, ARTICLES);
    return { machine, seconds, idle, warmPeak, peak, hwm: highWaterMark(pid) };
  });
});

const baseline = await withBenchDatabase("bulk_inproc", async (database) => {
  await useInProcess(database.url);
  console.log(`[bulk] baseline: ${ARTICLES} articles through ingestArticle in process`);
  await inProcessIngest(warmup);
  const start = process.hrtime.bigint();
  await inProcessIngest(main);
  return { seconds: msSince(start) / 1000 };
});

const httpRate = ARTICLES / http_.seconds;
const baseRate = ARTICLES / baseline.seconds;
await publish({
  title: "Bulk ingest (benchmark 5)",
  machine: http_.machine,
  setup: [
    `${ARTICLES.toLocaleString("en")} generated articles (title + ${SHAPE.paragraphs} paragraphs of ${SHAPE.wordsPerParagraph} words, Korean-like source, AI footer), ${mib(body.length)} of NDJSON, sent in one \`POST /api/v1/articles/bulk\` with an editor's token, after a ${WARMUP_ARTICLES}-article warm-up upload. Each database is fresh.`,
    `Server memory: RSS of \`next start\` and its descendants from \`/proc\`, sampled every 100 ms during the upload, plus the kernel's high-water mark (VmHWM) of the server process since it started.`,
    `Baseline: the same articles (already parsed) through \`ingestArticle\` in the benchmark process, ${BULK_CONCURRENCY} at a time like the endpoint, into another fresh database, after the same warm-up.`,
  ],
  details: [
    table(
      ["path", "articles", "seconds", "articles/s"],
      [
        ["POST /api/v1/articles/bulk", ARTICLES, http_.seconds.toFixed(1), httpRate.toFixed(0)],
        ["ingestArticle in process", ARTICLES, baseline.seconds.toFixed(1), baseRate.toFixed(0)],
      ],
    ),
    table(
      ["server RSS", "value"],
      [
        [`peak during the ${WARMUP_ARTICLES}-article warm-up upload`, mib(http_.warmPeak)],
        ["idle after warm-up", mib(http_.idle)],
        ["peak during the upload (100 ms samples)", mib(http_.peak)],
        ["growth during the upload", mib(http_.peak - http_.idle)],
        ["VmHWM since start", mib(http_.hwm)],
        ["upload size", mib(body.length)],
      ],
    ),
  ],
  verdicts: [
    {
      bench: "bulk-ingest",
      metric: `articles/s, ${ARTICLES.toLocaleString("en")} in one upload`,
      galley: httpRate.toFixed(0),
      baseline: `${baseRate.toFixed(0)} (ingestArticle in process)`,
      ratio: ratioText(httpRate / baseRate),
      goal: "none set (reported)",
      met: null,
    },
    {
      bench: "bulk-ingest",
      metric: "server peak RSS during the upload",
      galley: `${mib(http_.peak)} (+${mib(http_.peak - http_.idle)} over idle)`,
      baseline: `${mib(http_.warmPeak)} during the ${WARMUP_ARTICLES}-article upload`,
      ratio: ratioText(http_.peak / http_.warmPeak),
      goal: "none set (reported)",
      met: null,
    },
  ],
  notes: QUICK ? [`Quick run: ${ARTICLES} articles.`] : [],
});
