// Benchmark 4 (issue 8): the review queue must stay fast as articles pile up. The article list,
// a filtered list and full-text search with 1,000 and then 100,000 articles in the database.
import { QUICK, size } from "./lib/args";
import { BULK_ENGINES, WORDS_PER_ARTICLE, insertBulkArticles } from "./lib/bulk-articles";
import { vocabulary } from "./lib/data";
import { withBenchDatabase } from "./lib/database";
import { getOk, seedDemoAndToken, timeGets } from "./lib/http";
import { machineInfo } from "./lib/machine";
import { publish, table, type Verdict } from "./lib/report";
import { ensureBenchBuild, withBenchServer } from "./lib/server";
import { ms, msSince, ratioText, summarize, type Summary } from "./lib/stats";

const SMALL = 1_000;
const LARGE = size(100_000, 10_000);
const SAMPLES = { n: size(30, 8), warmup: size(10, 3) };
const GOAL = 2;
// 1,000 common words (each in ~11% of articles) and 200 topics (each in 0.5%).
const WORDS = vocabulary(1_200, 11);
const COMMON = WORDS.slice(0, 1_000);
const TOPICS = WORDS.slice(1_000);

const QUERIES = [
  { name: "list", query: "" },
  {
    name: "filtered list",
    query: `status=IN_REVIEW&engine=${encodeURIComponent(BULK_ENGINES[1]!)}`,
  },
  { name: "search, common word", query: `q=${COMMON[17]}` },
  { name: "search, rare word", query: `q=${TOPICS[17]}` },
];

interface Measured {
  name: string;
  small: Summary;
  large: Summary;
  matches: { small: number; large: number };
}

await ensureBenchBuild();
await withBenchDatabase("queue", async (database) => {
  const machine = await machineInfo(database.url);
  const token = await seedDemoAndToken(database.url, "viewer@galley.local");
  const bearer = { authorization: `Bearer ${token}` };
  const generate = async (from: number, to: number) => {
    const start = process.hrtime.bigint();
    await insertBulkArticles(database.url, { from, to }, { common: COMMON, topics: TOPICS });
    return msSince(start) / 1000;
  };
  console.log(`[queue] generating ${SMALL} articles`);
  const smallSeconds = await generate(1, SMALL);
  const results = await withBenchServer(database.url, 3304, {}, async (app) => {
    const url = (query: string, limit = 50) =>
      `${app.url}/api/v1/articles?limit=${limit}${query ? `&${query}` : ""}`;
    // How many articles a query matches, by paging with the largest page (for the report only).
    const countMatches = async (query: string) => {
      let n = 0;
      let cursor = "";
      for (;;) {
        const page = JSON.parse(await getOk(url(query, 100) + cursor, bearer)) as {
          items: unknown[];
          nextCursor: string | null;
        };
        n += page.items.length;
        if (!page.nextCursor || n >= 2_000) return n;
        cursor = `&cursor=${page.nextCursor}`;
      }
    };
    const measureAll = async () => {
      const out: { summary: Summary; matches: number }[] = [];
      for (const q of QUERIES) {
        console.log(`[queue] ${q.name}`);
        const summary = summarize(await timeGets(url(q.query), bearer, SAMPLES));
        out.push({ summary, matches: await countMatches(q.query) });
      }
      return out;
    };
    const small = await measureAll();
    console.log(`[queue] generating ${LARGE - SMALL} more articles`);
    const largeSeconds = await generate(SMALL + 1, LARGE);
    const large = await measureAll();
    return { small, large, largeSeconds };
  });
  const measured: Measured[] = QUERIES.map((q, i) => ({
    name: q.name,
    small: results.small[i]!.summary,
    large: results.large[i]!.summary,
    matches: { small: results.small[i]!.matches, large: results.large[i]!.matches },
  }));
  const bigLabel = LARGE.toLocaleString("en");
  const verdicts: Verdict[] = measured.map((m) => {
    const ratio = m.large.median / m.small.median;
    return {
      bench: "queue-search",
      metric: `${m.name} median, ${bigLabel} vs 1,000 articles`,
      galley: `${ms(m.large.median)} ms`,
      baseline: `${ms(m.small.median)} ms (1,000 articles)`,
      ratio: ratioText(ratio),
      goal: `≤ ${GOAL}×`,
      met: ratio <= GOAL,
    };
  });
  const matches = (n: number) => (n >= 2_000 ? "≥ 2,000" : n.toLocaleString("en"));
  await publish({
    title: "Queue and search (benchmark 4)",
    machine,
    setup: [
      `Articles generated with SQL (\`INSERT … SELECT generate_series\`, see \`bench/lib/bulk-articles.ts\`): 1,000 in ${smallSeconds.toFixed(1)} s, then ${(LARGE - SMALL).toLocaleString("en")} more in ${results.largeSeconds.toFixed(0)} s, each followed by \`VACUUM ANALYZE\`. Each has a searchText of ${WORDS_PER_ARTICLE} words drawn from 1,000 common words plus one of 200 topic words, one of ${BULK_ENGINES.length} engines, a status (20% each), two NEW feedback items on every tenth article, and a valid revision 1 (title Segment, SegmentText, Revision, Publication when published). No audit events.`,
      `Server: the production build. \`GET /api/v1/articles\` (first page of 50) with a viewer's Bearer token: unfiltered, \`?status=IN_REVIEW&engine=${BULK_ENGINES[1]}\`, and \`?q=\` a common word (in ~11% of articles) and a topic word (0.5%). ${SAMPLES.n} sequential requests each after ${SAMPLES.warmup} warm-up, timed to the last byte; the baseline is the same request with 1,000 articles.`,
    ],
    details: [
      table(
        ["ms", "articles", "matches", "n", "median", "p95", "p99"],
        measured.flatMap((m) => [
          [
            m.name,
            "1,000",
            matches(m.matches.small),
            m.small.n,
            ms(m.small.median),
            ms(m.small.p95),
            ms(m.small.p99),
          ],
          [
            m.name,
            bigLabel,
            matches(m.matches.large),
            m.large.n,
            ms(m.large.median),
            ms(m.large.p95),
            ms(m.large.p99),
          ],
        ]),
      ),
    ],
    verdicts,
    notes: QUICK ? [`Quick run: ${bigLabel} articles instead of 100,000.`] : [],
  });
});
