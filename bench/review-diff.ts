// Benchmark 2 (issue 8): the review workspace and the diff must cost no worse than linearly in
// the article's size. A 200-segment (~10,000-word) article vs a 10-segment one, 20 revisions each:
// the workspace page (signed in), the diff API r1 → r20, and in process the diff pipeline
// (diffSegments: tokenizer + jsdiff per segment) vs plain jsdiff diffWords over the whole text.
import { diffWords } from "diff";
import { db } from "@/lib/db";
import { textsAtRevision } from "@/lib/server/revision-texts";
import { diffSegments } from "@/lib/text/diff";
import { QUICK, size } from "./lib/args";
import { revisedArticle, userActor, type RevisedArticle } from "./lib/articles";
import { englishText, postEdit, seeded } from "./lib/data";
import { useInProcess, withBenchDatabase } from "./lib/database";
import { seedDemoAndToken, signIn, timeGets } from "./lib/http";
import { machineInfo } from "./lib/machine";
import { publish, table, type Verdict } from "./lib/report";
import { ensureBenchBuild, withBenchServer } from "./lib/server";
import { ms, msSince, ratioText, summarize, timeRuns, type Summary } from "./lib/stats";

const REVISIONS = 20;
const WORDS_PER_PARAGRAPH = 50;
const SAMPLES = { n: size(30, 8), warmup: size(10, 3) };
// In process the pipeline is cheap, so more runs; whole-text diffWords takes seconds on 10k words.
const PIPELINE_RUNS = { n: size(100, 20), warmup: size(10, 3) };
const DIFFWORDS_RUNS = { n: size(10, 3), warmup: 1 };
const EDITOR = "editor@galley.local";

interface Sized {
  article: RevisedArticle;
  page: Summary;
  diffApi: Summary;
  pipeline: Summary;
  diffWords: Summary;
}

async function inProcessDiffs(articleId: string) {
  const [from, to] = await Promise.all([
    textsAtRevision(db(), articleId, 1),
    textsAtRevision(db(), articleId, REVISIONS),
  ]);
  const list = (m: Map<number, string>) => [...m].map(([index, text]) => ({ index, text }));
  const fromList = list(from);
  const toList = list(to);
  const fromAll = [...from.values()].join("\n\n");
  const toAll = [...to.values()].join("\n\n");
  return {
    pipeline: summarize(await timeRuns(() => diffSegments(fromList, toList, "en"), PIPELINE_RUNS)),
    diffWords: summarize(await timeRuns(() => diffWords(fromAll, toAll), DIFFWORDS_RUNS)),
  };
}

/**
 * diffSegments on synthetic articles of 10–800 segments (50 words each, two ~10% post-edits):
 * microseconds per segment, to tell algorithmic growth from cache and GC effects.
 */
function diffScaling(): { segments: number; perSegment: Summary }[] {
  const rand = seeded(9);
  const sizes = [10, 50, 200, 800];
  const sets = sizes.map((n) => {
    const from = Array.from({ length: n }, (_, index) => ({ index, text: englishText(rand, 50) }));
    const to = from.map(({ index, text }) => ({
      index,
      text: postEdit(rand, postEdit(rand, text, 0.1), 0.1),
    }));
    return { n, from, to };
  });
  const samples = sizes.map(() => [] as number[]);
  // Interleaved, so every size runs in the same state of the heap and caches.
  for (let i = 0; i < PIPELINE_RUNS.warmup + PIPELINE_RUNS.n; i++) {
    sets.forEach((set, k) => {
      const start = process.hrtime.bigint();
      diffSegments(set.from, set.to, "en");
      if (i >= PIPELINE_RUNS.warmup) samples[k]!.push((msSince(start) * 1000) / set.n);
    });
  }
  return sizes.map((segments, k) => ({ segments, perSegment: summarize(samples[k]!) }));
}

await ensureBenchBuild();
await withBenchDatabase("review", async (database) => {
  await useInProcess(database.url);
  const machine = await machineInfo(database.url);
  const token = await seedDemoAndToken(database.url, EDITOR);
  const editor = await userActor(EDITOR);
  const rand = seeded(2);
  console.log("[review] generating the articles and their revisions");
  const large = await revisedArticle(rand, editor, {
    externalId: "bench-review-large",
    paragraphs: 199,
    wordsPerParagraph: WORDS_PER_PARAGRAPH,
    revisions: REVISIONS,
    perRevision: 20,
  });
  const small = await revisedArticle(rand, editor, {
    externalId: "bench-review-small",
    paragraphs: 9,
    wordsPerParagraph: WORDS_PER_PARAGRAPH,
    revisions: REVISIONS,
    perRevision: 1,
  });
  await db().$executeRawUnsafe(`ANALYZE`);

  const results = await withBenchServer(database.url, 3302, {}, async (app) => {
    const cookie = await signIn(app.url, EDITOR);
    const bearer = { authorization: `Bearer ${token}` };
    const out: Sized[] = [];
    for (const article of [small, large]) {
      console.log(`[review] timing the ${article.segmentCount}-segment article`);
      const page = await timeGets(`${app.url}/articles/${article.id}`, { cookie }, SAMPLES);
      const diffUrl = `${app.url}/api/v1/articles/${article.id}/diff?from=1&to=${REVISIONS}`;
      const diffApi = await timeGets(diffUrl, bearer, SAMPLES);
      const local = await inProcessDiffs(article.id);
      out.push({ article, page: summarize(page), diffApi: summarize(diffApi), ...local });
    }
    return out;
  });
  const [s, l] = results as [Sized, Sized];
  const scaling = diffScaling();
  const sizeRatio = l.article.segmentCount / s.article.segmentCount;
  const wordRatio = l.article.words / s.article.words;
  const verdict = (metric: string, pick: (x: Sized) => Summary): Verdict => {
    const ratio = pick(l).median / pick(s).median;
    return {
      bench: "review-diff",
      metric: `${metric} median, ${l.article.segmentCount} vs ${s.article.segmentCount} segments`,
      galley: `${ms(pick(l).median)} ms vs ${ms(pick(s).median)} ms`,
      baseline: `size ratio ${sizeRatio.toFixed(0)} (words ${wordRatio.toFixed(1)})`,
      ratio: ratioText(ratio),
      goal: `≤ ${sizeRatio.toFixed(0)}× (linear)`,
      met: ratio <= sizeRatio,
    };
  };
  const rows = (label: string, pick: (x: Sized) => Summary) =>
    [s, l].map((x) => [
      label,
      `${x.article.segmentCount} seg / ${x.article.words.toLocaleString("en")} words`,
      pick(x).n,
      ms(pick(x).median),
      ms(pick(x).p95),
      ms(pick(x).p99),
    ]);
  const pipelineVsJsdiff = l.pipeline.median / l.diffWords.median;
  await publish({
    title: "Review page and diff (benchmark 2)",
    machine,
    setup: [
      `Two articles ingested with \`ingestArticle\` and edited with the real \`saveRevision\` up to ${REVISIONS} revisions: ${l.article.segmentCount} segments (~${l.article.words.toLocaleString("en")} words, 20 segments post-edited per revision) and ${s.article.segmentCount} segments (~${s.article.words} words, 1 segment per revision); ~10% of an edited segment's words are replaced. Generated pseudo-English text.`,
      `Server: the production build. \`GET /articles/:id\` as the signed-in demo editor (next-auth credentials sign-in); \`GET /api/v1/articles/:id/diff?from=1&to=${REVISIONS}\` with a Bearer token. ${SAMPLES.n} sequential requests each after ${SAMPLES.warmup} warm-up, timed to the last byte.`,
      `In process: \`diffSegments\` (Galley's tokenizer + jsdiff \`diffArrays\` per segment, with stats; ${PIPELINE_RUNS.n} runs after ${PIPELINE_RUNS.warmup} warm-up) vs jsdiff \`diffWords\` over the whole text joined (${DIFFWORDS_RUNS.n} runs after ${DIFFWORDS_RUNS.warmup}: it takes seconds on the large article), r1 → r${REVISIONS}.`,
    ],
    details: [
      table(
        ["ms", "article", "n", "median", "p95", "p99"],
        [
          ...rows("workspace page", (x) => x.page),
          ...rows("diff API", (x) => x.diffApi),
          ...rows("diffSegments (in process)", (x) => x.pipeline),
          ...rows("jsdiff diffWords (in process)", (x) => x.diffWords),
        ],
      ),
      "diffSegments per segment on synthetic articles (50 words a segment, two ~10% post-edits), sizes interleaved:",
      table(
        ["segments", "µs per segment, median", "min"],
        scaling.map((x) => [
          x.segments,
          x.perSegment.median.toFixed(1),
          x.perSegment.min.toFixed(1),
        ]),
      ),
    ],
    verdicts: [
      verdict("workspace page", (x) => x.page),
      verdict("diff API r1→r20", (x) => x.diffApi),
      verdict("diffSegments in process", (x) => x.pipeline),
      {
        bench: "review-diff",
        metric: `diffSegments vs jsdiff diffWords, ${l.article.segmentCount} segments`,
        galley: `${ms(l.pipeline.median)} ms`,
        baseline: `${ms(l.diffWords.median)} ms`,
        ratio: ratioText(pipelineVsJsdiff),
        goal: "none (reference)",
        met: null,
      },
    ],
    notes: QUICK ? [`Quick run: ${SAMPLES.n} requests per measurement.`] : [],
  });
});
