// What both feedback benchmarks (feedback-intake, feedback-cpu) load against: one ingested
// article, the body the reading page's script sends for it, and the baseline route's table.
import autocannon from "autocannon";
import pg from "pg";
import { db } from "@/lib/db";
import { ingestArticle } from "@/lib/server/ingest";
import { textsAtRevision } from "@/lib/server/revision-texts";
import { articleInput, seeded } from "./data";

export async function prepareFeedbackBench(
  databaseUrl: string,
  externalId: string,
): Promise<{ articleId: string; body: string }> {
  const article = await ingestArticle(
    articleInput(seeded(1), { paragraphs: 8, wordsPerParagraph: 60, externalId }),
    { type: "SYSTEM", label: "bench" },
  );
  const segment1 = (await textsAtRevision(db(), article.article.id, 1)).get(1)!;
  // What the reading page's script sends: a category, a comment and the selected quote.
  const body = JSON.stringify({
    category: "GRAMMAR_OR_TYPO",
    comment: "The second sentence reads oddly; I think the subject is missing.",
    segmentIndex: 1,
    quote: segment1.slice(0, 24),
    quoteStart: 0,
    quoteEnd: 24,
  });
  // The baseline route (app/api/bench/baseline) inserts here; no migration creates it.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS bench_baseline (
      id bigserial PRIMARY KEY, body text, created_at timestamptz DEFAULT now())`);
  } finally {
    await client.end();
  }
  return { articleId: article.article.id, body };
}

let readerCounter = 0;
/** A reader address never used before in this process: 10.x.y.z, up to 16 million. */
function nextReaderAddress(): string {
  const c = ++readerCounter;
  return `10.${(c >> 16) & 255}.${(c >> 8) & 255}.${c & 255}`;
}

/**
 * POSTs `body` to `url` for `seconds` over `connections` connections. autocannon stands in
 * for the newsroom's proxy: each request names a new reader in X-Forwarded-For, so the
 * per-reader limit is counted on every request but never reached (the server must trust
 * loopback as a proxy: GALLEY_TRUSTED_PROXIES=loopback).
 */
export function loadFeedback(opts: {
  url: string;
  body: string;
  seconds: number;
  connections: number;
}): Promise<autocannon.Result> {
  return autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: opts.body,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, "x-forwarded-for": nextReaderAddress() },
        }),
      },
    ],
  });
}
