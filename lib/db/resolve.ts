import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";

// Decides which database a process uses. With DATABASE_URL: that server. Without:
// the embedded PGlite under the data folder. PGlite allows one process per data
// folder, so the process that opens it publishes its socket port in
// embedded.json and later processes (the CLI while `npm start` runs) connect to it.
export interface ResolvedDatabase {
  url: string;
  mode: "embedded" | "postgres";
  /** Stops the embedded server if this process started it. */
  close(): Promise<void>;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function resolveDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  port?: number;
}): Promise<ResolvedDatabase> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, mode: "postgres", close: async () => {} };
  const dir = path.resolve(opts.dataDir);
  await mkdir(dir, { recursive: true });
  const marker = path.join(dir, "embedded.json");
  if (existsSync(marker)) {
    try {
      const info = JSON.parse(await readFile(marker, "utf8")) as { port: number; pid: number };
      if (pidAlive(info.pid) && (await canConnect(info.port))) {
        return {
          url: `postgresql://postgres@127.0.0.1:${info.port}/postgres?sslmode=disable`,
          mode: "embedded",
          close: async () => {},
        };
      }
    } catch {
      // A stale or unreadable marker: fall through and open the data folder ourselves.
    }
  }
  const embedded = await startEmbeddedPostgres(path.join(dir, "pgdata"), opts.port);
  const port = Number(new URL(embedded.url).port);
  await writeFile(marker, JSON.stringify({ port, pid: process.pid }));
  return {
    url: embedded.url,
    mode: "embedded",
    async close() {
      await rm(marker, { force: true });
      await embedded.stop();
    },
  };
}

/** The session secret for embedded mode: generated once, kept in the data folder. */
export async function embeddedSecret(dataDir: string): Promise<string> {
  const file = path.join(path.resolve(dataDir), "secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}
