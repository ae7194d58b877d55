// Benchmark 3 (issue 8): history must not slow down as revisions pile up. The history page, the
// revisions API (first page) and the r1 ↔ rN diff for an article with N = 10 and N = 1,000.
import { db } from "@/lib/db";
import { QUICK, size } from "./lib/args";
import { revisedArticle, userActor, type RevisedArticle } from "./lib/articles";
import { seeded } from "./lib/data";
import { useInProcess, withBenchDatabase } from "./lib/database";
import { seedDemoAndToken, signIn, timeGets } from "./lib/http";
import { machineInfo } from "./lib/machine";
import { publish, table, type Verdict } from "./lib/report";
import { ensureBenchBuild, withBenchServer } from "./lib/server";
import { ms, msSince, ratioText, summarize, type Summary } from "./lib/stats";

const FEW = 10;
// A full first page (the page lists 50): separates "more rows on the page" from "longer history".
const FULL_PAGE = 50;
const MANY = size(1_000, 100);
const SAMPLES = { n: size(30, 8), warmup: size(10, 3) };
const GOAL = 1.5;
const EDITOR = "editor@galley.local";

interface Timings {
  article: RevisedArticle;
  page: Summary;
  revisionsApi: Summary;
  diffApi: Summary;
}

await ensureBenchBuild();
await withBenchDatabase("history", async (database) => {
  await useInProcess(database.url);
  const machine = await machineInfo(database.url);
  const token = await seedDemoAndToken(database.url, EDITOR);
  const editor = await userActor(EDITOR);
  const rand = seeded(3);
  // Same shape for all (title + 9 paragraphs). Every paragraph is edited by revision 10, and
  // "toggle" edits keep each one ~10% away from the MT however often it is edited, so every
  // r1 ↔ rN diff changes the same amount of text and they differ only in history length.
  const shape = { paragraphs: 9, wordsPerParagraph: 60, perRevision: 1, edits: "toggle" as const };
  console.log(`[history] generating ${FEW}, ${FULL_PAGE} and ${MANY} revisions with saveRevision`);
  const generateStart = process.hrtime.bigint();
  const articles: RevisedArticle[] = [];
  for (const revisions of [FEW, FULL_PAGE, MANY]) {
    articles.push(
      await revisedArticle(rand, editor, { ...shape, externalId: `bench-${revisions}`, revisions }),
    );
  }
  const generateSeconds = msSince(generateStart) / 1000;
  // What autovacuum does after this many inserts; without it the planner guesses 3 revisions.
  await db().$executeRawUnsafe(`VACUUM ANALYZE`);

  const results = await withBenchServer(database.url, 3303, {}, async (app) => {
    const cookie = await signIn(app.url, EDITOR);
    const bearer = { authorization: `Bearer ${token}` };
    const out: Timings[] = [];
    for (const article of articles) {
      console.log(`[history] timing the article with ${article.revisions} revisions`);
      const base = `${app.url}/api/v1/articles/${article.id}`;
      out.push({
        article,
        page: summarize(
          await timeGets(`${app.url}/articles/${article.id}/history`, { cookie }, SAMPLES),
        ),
        revisionsApi: summarize(await timeGets(`${base}/revisions`, bearer, SAMPLES)),
        diffApi: summarize(
          await timeGets(`${base}/diff?from=1&to=${article.revisions}`, bearer, SAMPLES),
        ),
      });
    }
    return out;
  });
  const [f, full, m] = results as [Timings, Timings, Timings];
  const verdict = (
    metric: string,
    pick: (x: Timings) => Summary,
    base: Timings = f,
    control = false,
  ): Verdict => {
    const ratio = pick(m).median / pick(base).median;
    const baseRevisions = base.article.revisions;
    return {
      bench: "history",
      metric: `${metric} median, ${MANY.toLocaleString("en")} vs ${baseRevisions} revisions${control ? " (control: both pages full)" : ""}`,
      galley: `${ms(pick(m).median)} ms`,
      baseline: `${ms(pick(base).median)} ms (${baseRevisions} revisions)`,
      ratio: ratioText(ratio),
      goal: `≤ ${GOAL}×`,
      met: ratio <= GOAL,
    };
  };
  const rows = (label: string, pick: (x: Timings) => Summary) =>
    results.map((x) => [
      label,
      x.article.revisions.toLocaleString("en"),
      pick(x).n,
      ms(pick(x).median),
      ms(pick(x).p95),
      ms(pick(x).p99),
    ]);
  await publish({
    title: "History (benchmark 3)",
    machine,
    setup: [
      `Three articles of ${f.article.segmentCount} segments (~${f.article.words} words) ingested with \`ingestArticle\` and post-edited to ${FEW}, ${FULL_PAGE} and ${MANY.toLocaleString("en")} revisions, each revision one segment through the real \`saveRevision\` (${generateSeconds.toFixed(0)} s in all), then \`VACUUM ANALYZE\`. Edits alternate between two fixed ~10% post-edits of each paragraph, so every r1 ↔ rN diff changes the same amount of text.`,
      `Server: the production build. History page \`GET /articles/:id/history\` as the signed-in editor; \`GET /api/v1/articles/:id/revisions\` (first page, 50) and \`GET /api/v1/articles/:id/diff?from=1&to=N\` with a Bearer token. ${SAMPLES.n} sequential requests each after ${SAMPLES.warmup} warm-up, timed to the last byte.`,
      `The baseline is the same request on the article with ${FEW} revisions. Its history page lists ${FEW} revisions where the others list a full page of ${FULL_PAGE}, so the ${FULL_PAGE}-revision article is a control that separates page size from history length.`,
    ],
    details: [
      table(
        ["ms", "revisions", "n", "median", "p95", "p99"],
        [
          ...rows("history page", (x) => x.page),
          ...rows("revisions API", (x) => x.revisionsApi),
          ...rows("diff API r1 ↔ rN", (x) => x.diffApi),
        ],
      ),
    ],
    verdicts: [
      verdict("history page", (x) => x.page),
      verdict("revisions API", (x) => x.revisionsApi),
      verdict("diff API r1 ↔ rN", (x) => x.diffApi),
      verdict("history page", (x) => x.page, full, true),
    ],
    notes: QUICK ? [`Quick run: ${MANY} revisions instead of 1,000.`] : [],
  });
});
