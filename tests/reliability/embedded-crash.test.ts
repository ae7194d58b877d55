import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPostmaster, stopEmbeddedPostgres } from "@/lib/db/embedded";
import { freePort } from "../support/app-server";
import { getJson } from "./env";

// Issue 11: `npm start` on the embedded PostgreSQL, SIGKILLed in the middle of
// writes, then started again. Every acknowledged write must be there, the audit
// chain must verify, and the server the killed process left running must be
// adopted (the same postmaster), never doubled and never waited on for ever.
describe("npm start on the embedded database, killed during writes", () => {
  let dataDir = "";
  let port = 0;
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    if (dataDir) {
      await stopEmbeddedPostgres(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH!,
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production" as const,
    GALLEY_DATA_DIR: dataDir,
    PORT: String(port),
    ...(process.env.GALLEY_DIST_DIR ? { GALLEY_DIST_DIR: process.env.GALLEY_DIST_DIR } : {}),
  });

  async function start(): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
      {
        env: env(),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(child);
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    // Generous: first start initialises the cluster, migrates and seeds, on a busy 2-core CI.
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return { child, output: () => out };
      if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  const cli = (args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/galley.ts", ...args],
        { env: env() },
        (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout)),
      ),
    );

  it("keeps every acknowledged write, verifies its chain and adopts the orphaned server", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "galley-crash-"));
    // A world-searchable data folder: the cluster lives inside it (the private
    // mktemp folder of the identity test exercises the other layout).
    await chmod(dataDir, 0o755);
    port = await freePort();
    const first = await start();
    // The CLI reaches the database of the running server.
    const token = (await cli(["token:create", "--email", "admin@galley.local"]))
      .trim()
      .split("\n")
      .at(-1)!;
    const base = `http://127.0.0.1:${port}`;
    const articles = (await getJson(`${base}/api/v1/articles`, token)).body.items as {
      id: string;
      currentRevision: number;
    }[];
    expect(articles.length).toBeGreaterThanOrEqual(3);

    const acknowledged: { article: string; revision: number; text: string }[] = [];
    let killed = false;
    const writers = articles.slice(0, 3).map(async (a, w) => {
      let revision = a.currentRevision;
      for (let i = 0; !killed; i++) {
        const text = `crash writer ${w} save ${i}`;
        const res = await getJson(`${base}/api/v1/articles/${a.id}/revisions`, token, {
          method: "POST",
          body: JSON.stringify({ baseRevision: revision, segments: [{ index: 1, text }] }),
        }).catch(() => null);
        if (!res) break; // the server went away mid-request: not acknowledged
        expect(res.status).toBe(201);
        revision = (res.body as { revision: number }).revision;
        acknowledged.push({ article: a.id, revision, text });
      }
    });
    const enough = Date.now() + 60_000;
    while (acknowledged.length < 15 && Date.now() < enough) {
      await Promise.race([Promise.all(writers), new Promise((r) => setTimeout(r, 20))]);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    const before = await readPostmaster(dataDir);
    expect(before).not.toBeNull();
    first.child.kill("SIGKILL");
    killed = true;
    await Promise.all(writers);
    await new Promise<void>((r) =>
      first.child.exitCode !== null ? r() : first.child.once("exit", () => r()),
    );

    // The killed process's server is still running: an orphan for the next start.
    expect((await readPostmaster(dataDir))?.pid).toBe(before!.pid);

    const second = await start();
    expect(second.output()).toContain("database: embedded");
    // Adopted, not doubled: the same postmaster serves the folder.
    expect((await readPostmaster(dataDir))?.pid).toBe(before!.pid);

    for (const ack of acknowledged) {
      const res = await getJson(
        `${base}/api/v1/articles/${ack.article}/revisions/${ack.revision}`,
        token,
      );
      expect(res.status).toBe(200);
      const segments = (res.body as { segments: { index: number; text: string }[] }).segments;
      expect(segments.find((s) => s.index === 1)?.text).toBe(ack.text);
    }
    const chain = await getJson(`${base}/api/v1/audit/verify`, token);
    expect(chain.body).toMatchObject({ ok: true });

    // A clean stop ends the adopted server too.
    const exited = new Promise((r) => second.child.once("exit", r));
    second.child.kill("SIGTERM");
    await exited;
    expect(await readPostmaster(dataDir)).toBeNull();
  }, 600_000);
});
