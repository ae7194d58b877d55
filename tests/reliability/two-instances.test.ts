import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startAppServer, type AppServer } from "../support/app-server";
import { cli, getJson, seededDatabase } from "./env";

// Two app instances (different ports) on one PostgreSQL: correctness must not
// depend on anything held in one process's memory.
describe("two app instances against one database", () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let a: AppServer;
  let b: AppServer;
  let articleId: string;

  beforeAll(async () => {
    db = await seededDatabase("galley_rel_multi");
    [a, b] = await Promise.all([
      startAppServer({ DATABASE_URL: db.url }),
      startAppServer({ DATABASE_URL: db.url }),
    ]);
    const list = await getJson(`${a.url}/api/v1/articles?q=Han`, db.token);
    articleId = (list.body.items as { id: string }[])[0]!.id;
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it("gives exactly one winner when saves race across instances, with contiguous revisions", async () => {
    const current = await getJson(`${a.url}/api/v1/articles?q=Han`, db.token);
    const base = (current.body.items as { currentRevision: number }[])[0]!.currentRevision;
    const attempts = Array.from({ length: 20 }, (_, i) =>
      getJson(`${(i % 2 ? a : b).url}/api/v1/articles/${articleId}/revisions`, db.token, {
        method: "POST",
        body: JSON.stringify({
          baseRevision: base,
          segments: [{ index: 1, text: `Instance race edit ${i}` }],
        }),
      }),
    );
    const results = await Promise.all(attempts);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ error: "conflict", currentRevision: base + 1 });
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT "number" FROM "Revision" WHERE "articleId" = $1 ORDER BY "number"`,
        [articleId],
      );
      expect(rows.map((r) => r.number)).toEqual(Array.from({ length: base + 1 }, (_, i) => i + 1));
    } finally {
      await client.end();
    }
  });

  it("holds the per-reader feedback limit across both instances", async () => {
    // Readers can only send feedback on a published article (the demo seed publishes one).
    const published = await getJson(`${a.url}/api/v1/articles?status=PUBLISHED`, db.token);
    const publishedId = (published.body.items as { id: string }[])[0]!.id;
    // Default limit: 10 reports per reader per hour, counted in PostgreSQL.
    const attempts = Array.from({ length: 30 }, (_, i) =>
      fetch(`${(i % 2 ? a : b).url}/api/v1/articles/${publishedId}/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.77" },
        body: JSON.stringify({ category: "OTHER", comment: `limit check ${i}` }),
      }),
    );
    const results = await Promise.all(attempts);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "Feedback" WHERE comment LIKE 'limit check %'`,
      );
      expect(rows[0].n).toBe(10);
    } finally {
      await client.end();
    }
  });

  it("keeps one unbroken audit chain when both instances write at once", async () => {
    const writes = Array.from({ length: 30 }, (_, i) =>
      getJson(`${(i % 2 ? a : b).url}/api/v1/articles`, db.token, {
        method: "POST",
        body: JSON.stringify({
          sourceLang: "ko",
          targetLang: "en",
          engine: { name: "Multi", version: "1" },
          externalId: `multi-${i}`,
          title: { mt: `Multi-instance article ${i}` },
          mt: `Body of article ${i}.`,
        }),
      }),
    );
    const results = await Promise.all(writes);
    expect(results.every((r) => r.status === 201)).toBe(true);
    const verify = JSON.parse((await cli(db.url, ["audit:verify"])).trim().split("\n").at(-1)!);
    expect(verify).toMatchObject({ ok: true });
  });
});
