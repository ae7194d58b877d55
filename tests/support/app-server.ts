import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { SERVER_PRELOADS, nextServerArgs } from "../../scripts/next-server-args";
import { TEST_LOG_PRIVATE_KEY } from "./log-key";

// Starts the production build (`next start`) as a real separate process for
// reliability tests: crash, outage and multi-instance scenarios need a server
// they can kill and restart. Requires a prior `next build` (npm test does it).
export interface AppServer {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

export async function startAppServer(
  env: Record<string, string>,
  port?: number,
  /** e.g. "127.0.0.1" to listen on loopback only (Next's default is every interface). */
  hostname?: string,
): Promise<AppServer> {
  const p = port ?? (await freePort());
  let out = "";
  const child = spawn(
    process.execPath,
    [
      ...SERVER_PRELOADS.flatMap((preload) => ["--require", preload]),
      ...nextServerArgs({ port: p, hostname }),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_SECRET: "reliability-secret-0123456789abcdef",
        AUTH_TRUST_HOST: "true",
        GALLEY_DATABASE_MODE: "postgres",
        GALLEY_LOG_PRIVATE_KEY: TEST_LOG_PRIVATE_KEY,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200 || res.status === 503) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port: p,
    child,
    output: () => out,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      await exited;
    },
  };
}

/** A TCP relay in front of PostgreSQL that a test can cut and restore, to simulate an outage. */
export async function startTcpRelay(targetPort: number, targetHost = "127.0.0.1") {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = await freePort();
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const close = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", close).on("close", close);
        upstream.on("error", close).on("close", close);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await open();
  return {
    port,
    /** Refuse new connections and drop live ones, as if PostgreSQL went away. */
    async cut() {
      // Connections are destroyed before waiting for close: server.close() resolves only once
      // every connection has ended, and an app holding one open for good (the job queue's
      // LISTEN connection) would otherwise keep the cut from ever happening.
      const closed = new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      server = null;
      for (const s of sockets) s.destroy();
      sockets.clear();
      await closed;
    },
    restore: open,
    async close() {
      await this.cut();
    },
  };
}
