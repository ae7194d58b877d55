import pg from "pg";

// Bulk-generated queue data for bench/queue-search.ts, written with SQL (INSERT … SELECT
// generate_series) because ingesting 100,000 articles one by one would take most of an hour.
// Each article gets what the queue reads (Article with searchText, its Engine, NEW feedback on
// every tenth) plus the rows that make it a valid one-revision article: its title Segment,
// SegmentText and Revision 1 (and a Publication when PUBLISHED). No audit events are written.

export const BULK_ENGINES = ["Bench MT A", "Bench MT B", "Bench MT C", "Bench MT D"];
const STATUSES = ["NEW", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED"];
export const WORDS_PER_ARTICLE = 120;

/** Articles numbered `from`..`to`; bodies are `WORDS_PER_ARTICLE` random `words` plus one topic. */
export async function insertBulkArticles(
  url: string,
  range: { from: number; to: number },
  words: { common: string[]; topics: string[] },
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT setseed(0.42)");
    await client.query(
      `INSERT INTO "Engine" ("id", "name", "version")
       SELECT 'bench-engine-' || (i - 1), e, '1' FROM unnest($1::text[]) WITH ORDINALITY AS t(e, i)
       ON CONFLICT DO NOTHING`,
      [BULK_ENGINES],
    );
    // Later numbers are newer, as if they arrived one per second.
    await client.query(
      `INSERT INTO "Article" ("id", "slug", "outlet", "externalId", "sourceLang", "targetLang",
         "engineId", "status", "title", "contentHash", "searchText", "wordCount",
         "approvedRevision", "publishedRevision", "createdAt", "updatedAt")
       SELECT 'bench-' || g, 'bench-article-' || g, 'Bench Outlet', 'bench-' || g, 'ko', 'en',
              'bench-engine-' || (g % $3::int), s.status::"ArticleStatus", t.title, md5(g::text),
              t.title || E'\\n' || t.body, $4::int,
              CASE WHEN s.status IN ('APPROVED', 'PUBLISHED') THEN 1 END,
              CASE WHEN s.status = 'PUBLISHED' THEN 1 END,
              timestamp '2026-01-01' + g * interval '1 second',
              timestamp '2026-01-01' + g * interval '1 second'
       FROM generate_series($1::int, $2::int) AS g
       CROSS JOIN LATERAL (SELECT ($5::text[])[1 + (g * 7919) % 5] AS status) s
       CROSS JOIN LATERAL (
         SELECT initcap(string_agg(w, ' ') FILTER (WHERE k <= 9)) AS title,
                string_agg(w, ' ') || ' ' || ($6::text[])[1 + g % cardinality($6::text[])] AS body
         FROM (SELECT k, ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] AS w
               FROM generate_series(1, $4::int) AS k WHERE g > 0) AS x
       ) t`,
      [
        range.from,
        range.to,
        BULK_ENGINES.length,
        WORDS_PER_ARTICLE,
        STATUSES,
        words.topics,
        words.common,
      ],
    );
    const articles = `FROM generate_series($1::int, $2::int) AS g JOIN "Article" a ON a."id" = 'bench-' || g`;
    const params = [range.from, range.to];
    await client.query(
      `INSERT INTO "Segment" ("id", "articleId", "index", "kind", "mt")
       SELECT 'bench-seg-' || g, a."id", 0, 'TITLE', a."title" ${articles}`,
      params,
    );
    await client.query(
      `INSERT INTO "SegmentText" ("id", "articleId", "segmentIndex", "revisionNumber", "text")
       SELECT 'bench-st-' || g, a."id", 0, 1, a."title" ${articles}`,
      params,
    );
    await client.query(
      `INSERT INTO "Revision" ("id", "articleId", "number", "kind", "summary", "status",
         "segmentsChanged", "wordsAdded", "createdAt")
       SELECT 'bench-rev-' || g, a."id", 1, 'INGEST', 'Machine translation as ingested', a."status",
              1, a."wordCount", a."createdAt" ${articles}`,
      params,
    );
    await client.query(
      `INSERT INTO "Publication" ("id", "articleId", "revisionNumber", "publishedAt")
       SELECT 'bench-pub-' || g, a."id", 1, a."updatedAt" ${articles} WHERE a."status" = 'PUBLISHED'`,
      params,
    );
    await client.query(
      `INSERT INTO "Feedback" ("id", "articleId", "revisionSeen", "category", "comment", "ipHash")
       SELECT 'bench-fb-' || g || '-' || k, a."id", 1, 'OTHER', 'generated', 'bench'
       ${articles} CROSS JOIN generate_series(1, 2) AS k WHERE g % 10 = 0`,
      params,
    );
    await client.query("COMMIT");
    // What autovacuum would do after a load this size: fresh statistics and visibility map.
    await client.query(`VACUUM ANALYZE`);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
