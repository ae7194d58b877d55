import net from "node:net";
import { startAppServer, type AppServer } from "../../tests/support/app-server";

// Benchmarks use their own build folder and ports so they never disturb tests running in the
// same checkout. next.config.js reads GALLEY_DIST_DIR, and startAppServer passes process.env on.
export const BENCH_DIST_DIR = ".next-bench";
const PORTS = { first: 3300, last: 3399 };
process.env.GALLEY_DIST_DIR = BENCH_DIST_DIR;

/** Builds .next-bench when the sources changed since its last build (run-all builds once). */
export async function ensureBenchBuild(): Promise<void> {
  if (process.env.GALLEY_BENCH_SKIP_BUILD === "1") return;
  const { ensureBuild, ensurePrismaClient } = await import("../../scripts/build-stamp");
  await ensurePrismaClient();
  await ensureBuild();
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function benchPort(preferred: number): Promise<number> {
  for (let p = preferred; p <= PORTS.last; p++) if (await portIsFree(p)) return p;
  for (let p = PORTS.first; p < preferred; p++) if (await portIsFree(p)) return p;
  throw new Error(`no free port in ${PORTS.first}–${PORTS.last}`);
}

/** The production build on loopback, against `databaseUrl`. */
export async function startBenchServer(
  databaseUrl: string,
  preferredPort: number,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const port = await benchPort(preferredPort);
  const app = await startAppServer({ DATABASE_URL: databaseUrl, ...env }, port, "127.0.0.1");
  console.log(`[bench] server pid ${app.child.pid} on ${app.url}`);
  return app;
}

/** Runs `fn` with a server that is stopped afterwards, however `fn` ends. */
export async function withBenchServer<T>(
  databaseUrl: string,
  preferredPort: number,
  env: Record<string, string>,
  fn: (app: AppServer) => Promise<T>,
): Promise<T> {
  const app = await startBenchServer(databaseUrl, preferredPort, env);
  try {
    return await fn(app);
  } finally {
    await app.stop();
  }
}
