import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startAppServer, type AppServer } from "../support/app-server";
import { cli, getJson, seededDatabase } from "./env";

// SIGKILL the server mid-load, restart it, and check that everything it had
// acknowledged with a 2xx is stored, nothing is half-written, and the audit chain verifies.
const LIMITS = {
  GALLEY_FEEDBACK_LIMIT_PER_READER: "100000",
  GALLEY_FEEDBACK_LIMIT_PER_ARTICLE: "100000",
};

describe("crash during writes", () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let app: AppServer;
  let client: pg.Client;

  beforeAll(async () => {
    db = await seededDatabase("galley_rel_crash");
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await app?.stop();
    await client?.end();
    await db?.drop();
  });

  async function verifyChain() {
    return JSON.parse((await cli(db.url, ["audit:verify"])).trim().split("\n").at(-1)!);
  }

  it("keeps every acknowledged feedback item through a SIGKILL under load", async () => {
    app = await startAppServer({ DATABASE_URL: db.url, ...LIMITS });
    const list = await getJson(`${app.url}/api/v1/articles?status=PUBLISHED`, db.token);
    const articleId = (list.body.items as { id: string }[])[0]!.id;
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop && i < 500; i++) {
        try {
          const res = await fetch(`${app.url}/api/v1/articles/${articleId}/feedback`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-forwarded-for": `10.9.${w}.${i % 250}`,
            },
            body: JSON.stringify({ category: "OTHER", comment: `crash test ${w}-${i}` }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the server died under us: expected
        }
      }
    };
    const workers = Array.from({ length: 20 }, (_, w) => worker(w));
    // Killed once 20 writes are acknowledged, with 20 more in flight: a fixed delay found
    // only 10 done on a loaded machine, too few to mean anything.
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 20 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await app.stop("SIGKILL");
    stop = true;
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);

    app = await startAppServer({ DATABASE_URL: db.url, ...LIMITS });
    const { rows } = await client.query(`SELECT id FROM "Feedback" WHERE id = ANY($1)`, [
      acknowledged,
    ]);
    expect(rows.length).toBe(acknowledged.length);
    // Each stored item has its audit event (same transaction).
    const audited = await client.query(
      `SELECT count(*)::int AS n FROM "Feedback" f WHERE f.comment LIKE 'crash test %'
         AND NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."entityId" = f.id)`,
    );
    expect(audited.rows[0].n).toBe(0);
    expect(await verifyChain()).toMatchObject({ ok: true });
    await app.stop();
  });

  it("leaves no half-imported article when killed during a bulk import", async () => {
    app = await startAppServer({ DATABASE_URL: db.url });
    const lines = Array.from({ length: 6000 }, (_, i) =>
      JSON.stringify({
        sourceLang: "ko",
        targetLang: "en",
        engine: { name: "Crash MT", version: "1" },
        externalId: `crash-${i}`,
        title: { mt: `Crash article ${i}` },
        mt: Array.from({ length: 8 }, (_, p) => `Paragraph ${p} of article ${i}.`).join("\n\n"),
      }),
    ).join("\n");
    const upload = fetch(`${app.url}/api/v1/articles/bulk`, {
      method: "POST",
      headers: { authorization: `Bearer ${db.token}`, "content-type": "application/x-ndjson" },
      body: lines,
    }).catch(() => null);
    // Kill once some articles are in.
    for (let i = 0; i < 200; i++) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "Article" WHERE "externalId" LIKE 'crash-%'`,
      );
      if (rows[0].n >= 20) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await app.stop("SIGKILL");
    expect(await upload).toBeNull();

    const { rows: imported } = await client.query(
      `SELECT count(*)::int AS n FROM "Article" WHERE "externalId" LIKE 'crash-%'`,
    );
    expect(imported[0].n).toBeGreaterThan(0);
    expect(imported[0].n).toBeLessThan(6000);
    const broken = await client.query(`
      SELECT a.id FROM "Article" a
      WHERE a."externalId" LIKE 'crash-%' AND (
        (SELECT count(*) FROM "Segment" s WHERE s."articleId" = a.id) <> 9
        OR (SELECT count(*) FROM "SegmentText" t WHERE t."articleId" = a.id AND t."revisionNumber" = 1) <> 9
        OR NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r."articleId" = a.id AND r.number = 1)
        OR NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."entityId" = a.id AND e.action = 'article.ingest'))`);
    expect(broken.rows).toEqual([]);
    expect(await verifyChain()).toMatchObject({ ok: true });
  });
});
