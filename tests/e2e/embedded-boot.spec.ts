import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as pwRequest } from "@playwright/test";
import { stopEmbeddedPostgres } from "@/lib/db/embedded";
import { freePort } from "../support/app-server";
import { expect, signInApi, test } from "./fixtures";

// `npm start` with no DATABASE_URL: embedded PostgreSQL, migrated and seeded, demo users can sign in.
test("boots on the embedded database with no environment at all", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "galley-embedded-"));
  const port = await freePort();
  const env = {
    NODE_ENV: "production" as const,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GALLEY_DATA_DIR: dataDir,
    PORT: String(port),
  };
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
    {
      env,
      stdio: "pipe",
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const base = `http://localhost:${port}`;
  const ctx = await pwRequest.newContext({ baseURL: base });
  try {
    let health: unknown = null;
    for (let i = 0; i < 200 && !health; i++) {
      try {
        const res = await ctx.get("/api/health");
        if (res.ok()) health = await res.json();
      } catch {
        // not listening yet
      }
      if (!health) await new Promise((r) => setTimeout(r, 1000));
    }
    // Embedded mode generates the log key into the data folder, so the log is sealed.
    expect(health, output).toEqual({
      ok: true,
      database: "embedded",
      auditLog: { sealing: true },
    });
    await signInApi(ctx, "editor");
    const list = await ctx.get("/api/v1/articles");
    expect(list.status()).toBe(200);
    expect((await list.json()).items.length).toBeGreaterThanOrEqual(3);
  } finally {
    await ctx.dispose();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    // Stopped with the app; this only matters if the start failed half-way.
    await stopEmbeddedPostgres(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
