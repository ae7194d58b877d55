import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureEmbeddedPostgres, stopEmbeddedPostgres } from "./embedded";
import { generateLogKeyPair } from "@/lib/audit/sth";

// Decides which database a process uses. With DATABASE_URL: that server. Without:
// the embedded PostgreSQL under the data folder, started here or found running
// (the CLI while `npm start` runs, or a server orphaned by a killed `npm start`).
export interface ResolvedDatabase {
  url: string;
  mode: "embedded" | "postgres";
  /** Stops the embedded server if this process is responsible for it. */
  close(): Promise<void>;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * `owner: true` is `npm start`: it takes charge of the server (also one orphaned
 * by an earlier, killed `npm start`) and stops it when it exits, unless another
 * live `npm start` on the same folder already owns it. Other processes stop the
 * server only if they started it themselves.
 */
export async function resolveDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  owner?: boolean;
}): Promise<ResolvedDatabase> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, mode: "postgres", close: async () => {} };
  const dir = path.resolve(opts.dataDir);
  await mkdir(dir, { recursive: true });
  const server = await ensureEmbeddedPostgres(dir);
  const marker = path.join(dir, "embedded-owner.json");
  let responsible = server.started;
  if (opts.owner) {
    const current = existsSync(marker)
      ? ((JSON.parse(await readFile(marker, "utf8").catch(() => "{}")) as { pid?: number }).pid ??
        0)
      : 0;
    if (server.started || !current || current === process.pid || !pidAlive(current)) {
      await writeFile(marker, JSON.stringify({ pid: process.pid }));
      responsible = true;
    }
  }
  return {
    url: server.url,
    mode: "embedded",
    async close() {
      if (!responsible) return;
      await stopEmbeddedPostgres(dir);
      await rm(marker, { force: true });
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

/**
 * The audit log's signing key for embedded mode: generated once, kept in the data folder beside
 * the database it signs for (ADR 015). Returns the private key, PEM.
 */
export async function embeddedLogKey(dataDir: string): Promise<string> {
  const file = path.join(path.resolve(dataDir), "log-key.pem");
  if (existsSync(file)) return readFile(file, "utf8");
  const { privateKeyPem } = generateLogKeyPair();
  await mkdir(path.dirname(file), { recursive: true });
  // wx: two processes starting at once must not each write a different key.
  await writeFile(file, privateKeyPem, { mode: 0o600, flag: "wx" }).catch((err) => {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  });
  return readFile(file, "utf8");
}
