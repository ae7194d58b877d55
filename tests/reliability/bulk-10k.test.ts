import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startAppServer, type AppServer } from "../support/app-server";
import { seededDatabase } from "./env";

// The 10,000-line NDJSON import from the issue, over HTTP against the production
// build, on its own database (so its 10,000 articles do not crowd other suites).
function article(externalId: string, outlet: string) {
  return {
    sourceLang: "ko",
    targetLang: "en",
    engine: { name: "Bulk MT", version: "1" },
    externalId,
    outlet,
    title: { source: "제목", mt: `Bulk title ${externalId}` },
    source: "첫 문단.\n\n둘째 문단.",
    mt: "First paragraph.\n\nSecond paragraph.",
  };
}

describe("bulk import of 10,000 lines", () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let app: AppServer;

  beforeAll(async () => {
    db = await seededDatabase("galley_rel_bulk");
    app = await startAppServer({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it(
    "imports the good lines and reports the bad ones by line number",
    { timeout: 900_000 },
    async () => {
      const outlet = "Bulk outlet";
      const lines: string[] = [];
      const bad = new Map<number, RegExp>();
      for (let n = 1; n <= 10_000; n++) {
        if (n % 1000 === 0) {
          lines.push("{ not json");
          bad.set(n, /Malformed JSON/);
        } else if (n % 1000 === 500) {
          const { engine: _engine, ...noEngine } = article(`b-${n}`, outlet);
          lines.push(JSON.stringify(noEngine));
          bad.set(n, /^engine is missing/);
        } else {
          lines.push(JSON.stringify(article(`b-${n}`, outlet)));
        }
      }
      const started = Date.now();
      const res = await fetch(`${app.url}/api/v1/articles/bulk`, {
        method: "POST",
        headers: { authorization: `Bearer ${db.token}`, "content-type": "application/x-ndjson" },
        body: lines.join("\n") + "\n",
        signal: AbortSignal.timeout(900_000),
      });
      console.log(`bulk: 10,000 lines in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        created: number;
        existing: number;
        errors: number;
        results: { line: number; status: string; message?: string }[];
      };
      expect(body).toMatchObject({ created: 9980, existing: 0, errors: 20 });
      expect(body.results).toHaveLength(10_000);
      const errors = body.results.filter((r) => r.status === "error");
      expect(errors.map((r) => r.line)).toEqual([...bad.keys()]);
      for (const e of errors) expect(e.message).toMatch(bad.get(e.line)!);

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM "Article" WHERE outlet = $1`,
          [outlet],
        );
        expect(rows[0].n).toBe(9980);
      } finally {
        await client.end();
      }

      // Sending part of the file again is safe: everything good is "existing".
      const again = await fetch(`${app.url}/api/v1/articles/bulk`, {
        method: "POST",
        headers: { authorization: `Bearer ${db.token}`, "content-type": "application/x-ndjson" },
        body: lines.slice(0, 500).join("\n"),
      });
      expect(await again.json()).toMatchObject({ created: 0, existing: 499, errors: 1 });
    },
  );
});
