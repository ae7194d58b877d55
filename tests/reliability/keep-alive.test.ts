import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEEP_ALIVE_TIMEOUT_MS } from "../../scripts/next-server-args";
import { startAppServer, type AppServer } from "../support/app-server";
import { seededDatabase } from "./env";

// A proxy or client that pools connections must never be the one that waits longer:
// if the server closes an idle connection just as the pool reuses it, the request is lost
// with ECONNRESET (scripts/next-server-args.ts). Node's default closes after 5 s.
describe("idle keep-alive connections", () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let app: AppServer;

  beforeAll(async () => {
    db = await seededDatabase("galley_rel_keepalive");
    app = await startAppServer({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  /** GET over the agent's pooled connection; returns the client port it went out on. */
  function get(agent: http.Agent, path: string) {
    return new Promise<{ status: number; keepAlive: string; port: number }>((resolve, reject) => {
      const req = http.get(`${app.url}${path}`, { agent }, (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode!,
            keepAlive: String(res.headers["keep-alive"]),
            port: req.socket!.localPort!,
          }),
        );
      });
      req.on("error", reject);
    });
  }

  it("stay open well past Node's 5 s default, and the server says for how long", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent, "/api/health");
      expect(first.status).toBe(200);
      expect(first.keepAlive).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
      // Idle past the old limit: a closed connection would make the agent open a new one.
      await new Promise((r) => setTimeout(r, 7_000));
      const second = await get(agent, "/api/health");
      expect(second.status).toBe(200);
      expect(second.port).toBe(first.port);
    } finally {
      agent.destroy();
    }
  });

  // scripts/drain-on-close.cjs: a stop (SIGTERM, as a deploy sends) must not wait out the
  // keep-alive timeout for connections that are between requests. Without it this stop took 63 s.
  it("do not hold up a stop: the server closes them and exits", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await get(agent, "/api/health"); // read, then idle in the agent's pool
      await fetch(`${app.url}/signin`); // answered, but its body never read
      const started = Date.now();
      await app.stop("SIGTERM"); // resolves when the process has exited
      expect(Date.now() - started).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS / 2);
    } finally {
      agent.destroy();
    }
  });
});
