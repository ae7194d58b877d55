import { execFile } from "node:child_process";
import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDatabase } from "@/lib/db/resolve";
import { startAppServer, type AppServer } from "../support/app-server";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";
import { getJson } from "./env";

// Issue 11: under concurrent load, every stored action carries the identity of
// the caller that made it, on both database engines Galley supports: the
// embedded default (`npm start` with no DATABASE_URL) and a system PostgreSQL.
interface Caller {
  email: string;
  role: "ADMIN" | "EDITOR" | "REVIEWER" | "VIEWER";
  userId: string;
  tokenId: string;
  token: string;
  article: string | null;
}

const ENGINES = {
  system: async () => {
    const d = await createTestDatabase("galley_rel_identity");
    return { url: d.url, stop: () => dropTestDatabase(d.name) };
  },
  embedded: async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "galley-identity-"));
    const resolved = await resolveDatabase({ dataDir: dir });
    return {
      url: resolved.url,
      stop: async () => {
        await resolved.close();
        // A private temp folder keeps its cluster under /var/lib/galley (as root), linked
        // from the folder: remove what the link points at too.
        const cluster = await realpath(path.join(dir, "postgres")).catch(() => null);
        if (cluster && !cluster.startsWith(dir))
          await rm(cluster, { recursive: true, force: true });
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

function prepare(url: string, perRole: number): Promise<Caller[]> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "tests/support/identity-callers.ts",
        String(perRole),
      ],
      { env: { ...process.env, DATABASE_URL: url } },
      (err, stdout, stderr) =>
        err ? reject(new Error(stderr)) : resolve(JSON.parse(stdout.trim().split("\n").at(-1)!)),
    ),
  );
}

describe.each(Object.keys(ENGINES) as (keyof typeof ENGINES)[])("on the %s database", (engine) => {
  let database: Awaited<ReturnType<(typeof ENGINES)[typeof engine]>>;
  let app: AppServer;
  let callers: Caller[];
  let sql: pg.Client;

  beforeAll(async () => {
    database = await ENGINES[engine]();
    callers = await prepare(database.url, 3);
    app = await startAppServer({ DATABASE_URL: database.url });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await database?.stop();
  });

  // A 503 says "try again" (Retry-After): on a loaded machine twenty saves holding transactions
  // can keep the pool busy past its 5 s wait for a connection. A client tries again, and so does
  // this one, a few times; whatever it finally gets is what the tests check.
  const save = async (caller: Caller, article: string, baseRevision: number, text: string) => {
    for (let attempt = 1; ; attempt++) {
      const res = await getJson(`${app.url}/api/v1/articles/${article}/revisions`, caller.token, {
        method: "POST",
        body: JSON.stringify({ baseRevision, segments: [{ index: 1, text }] }),
      });
      if (res.status !== 503 || attempt === 5) return res;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  };

  it("lets exactly one of 20 racing saves win; the 19 others get 409", async () => {
    const writer = callers.find((c) => c.role === "REVIEWER")!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => save(writer, writer.article!, 1, `race ${i}`)),
    );
    const statuses = results.map((r) => r.status);
    const answers = JSON.stringify(results.map((r) => [r.status, r.body]));
    expect(
      statuses.filter((s) => s === 201),
      answers,
    ).toHaveLength(1);
    expect(
      statuses.filter((s) => s === 409),
      answers,
    ).toHaveLength(19);
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM "Revision" WHERE "articleId" = $1`,
      [writer.article],
    );
    expect(rows[0].n).toBe(2);
  });

  it("stores every save under its caller's identity with the text it sent, while viewers are refused", async () => {
    const writers = callers.filter((c) => c.role !== "VIEWER");
    const viewers = callers.filter((c) => c.role === "VIEWER");
    const rounds = 6;
    // Each writer saves its own article round after round (a chain of valid bases);
    // all writers run at once, and viewers try to save into the same articles.
    const startRevision = new Map<string, number>();
    for (const w of writers) {
      const { rows } = await sql.query(`SELECT "currentRevision" FROM "Article" WHERE id = $1`, [
        w.article,
      ]);
      startRevision.set(w.email, rows[0].currentRevision);
    }
    const outcomes: { caller: Caller; status: number; text: string; revision?: number }[] = [];
    const writerLoops = writers.map(async (w) => {
      let base = startRevision.get(w.email)!;
      for (let r = 0; r < rounds; r++) {
        const text = `${w.email} round ${r}`;
        const res = await save(w, w.article!, base, text);
        const revision = (res.body as { revision?: number }).revision;
        outcomes.push({ caller: w, status: res.status, text, revision });
        if (res.status === 201 && revision) base = revision;
      }
    });
    const viewerLoops = viewers.map(async (v, i) => {
      for (let r = 0; r < rounds; r++) {
        const target = writers[(i + r) % writers.length]!;
        const res = await save(v, target.article!, startRevision.get(target.email)!, "viewer");
        outcomes.push({ caller: v, status: res.status, text: "viewer" });
      }
    });
    await Promise.all([...writerLoops, ...viewerLoops]);

    const writerStatuses = outcomes.filter((o) => o.caller.role !== "VIEWER").map((o) => o.status);
    expect(writerStatuses).toEqual(Array(writers.length * rounds).fill(201));
    const viewerStatuses = outcomes.filter((o) => o.caller.role === "VIEWER").map((o) => o.status);
    expect(viewerStatuses).toEqual(Array(viewers.length * rounds).fill(403));

    for (const w of writers) {
      const { rows } = await sql.query(
        `SELECT r.number, r."authorId", r."tokenId", s.text
           FROM "Revision" r JOIN "SegmentText" s
             ON s."articleId" = r."articleId" AND s."revisionNumber" = r.number AND s."segmentIndex" = 1
          WHERE r."articleId" = $1 AND r.number > $2 ORDER BY r.number`,
        [w.article, startRevision.get(w.email)],
      );
      expect(rows).toHaveLength(rounds);
      for (const row of rows) {
        expect({ author: row.authorId, token: row.tokenId }).toEqual({
          author: w.userId,
          token: w.tokenId,
        });
      }
      const sent = outcomes.filter((o) => o.caller === w);
      for (const o of sent) {
        expect(rows.find((row) => row.number === o.revision)?.text).toBe(o.text);
      }
      const audit = await sql.query(
        `SELECT "actorId", "actorType", data FROM "AuditEvent"
          WHERE action = 'revision.create' AND "entityId" = $1 AND ("data"->>'to')::int > $2`,
        [w.article, startRevision.get(w.email)],
      );
      expect(audit.rows).toHaveLength(rounds);
      for (const e of audit.rows) expect([e.actorType, e.actorId]).toEqual(["TOKEN", w.userId]);
    }
    const viewerIds = viewers.map((v) => v.userId);
    const stored = await sql.query(
      `SELECT (SELECT count(*)::int FROM "Revision" WHERE "authorId" = ANY($1)) AS revisions,
              (SELECT count(*)::int FROM "AuditEvent" WHERE "actorId" = ANY($1)) AS events`,
      [viewerIds],
    );
    expect(stored.rows[0]).toEqual({ revisions: 0, events: 0 });

    const chain = await getJson(`${app.url}/api/v1/audit/verify`, callers[0]!.token);
    expect(chain.status).toBe(200);
    expect(chain.body).toMatchObject({ ok: true });
  });
});
