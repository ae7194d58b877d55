// `npm start`: one command from a fresh clone to a running Galley.
// Without DATABASE_URL it starts the embedded PostgreSQL in .galley/ (or adopts
// the one a killed earlier start left running), generates a session secret once,
// migrates, seeds the demo data, builds the app if needed and serves it; on
// SIGINT/SIGTERM it stops the app, then the database. With DATABASE_URL it uses
// that PostgreSQL.
import { spawn } from "node:child_process";
import { ensureBuild, ensurePrismaClient } from "./build-stamp";
import { SERVER_PRELOADS, nextServerArgs } from "./next-server-args";
import { EmbeddedUnavailable } from "@/lib/db/embedded";
import { embeddedLogKey, embeddedSecret, resolveDatabase } from "@/lib/db/resolve";
import { migrate } from "@/lib/db/migrate";
import { env, resetEnvCache } from "@/lib/env";

const dev = process.argv.includes("--dev");
const dataDir = process.env.GALLEY_DATA_DIR ?? ".galley";
const port = process.env.PORT ?? "3000";

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // A bad setting (say GALLEY_TIME_ZONE=Mars/Base) stops here, naming the variable.
  try {
    env();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  // Checked only: DATABASE_URL may be set below (embedded database), so nothing may keep
  // the environment read before that.
  resetEnvCache();
  const external = process.env.DATABASE_URL;
  if (external && !process.env.NEXTAUTH_SECRET) {
    console.error(
      "NEXTAUTH_SECRET is not set. With DATABASE_URL set, configure NEXTAUTH_SECRET (32+ random characters, e.g. `openssl rand -base64 32`).",
    );
    process.exit(1);
  }
  await ensurePrismaClient();
  const database = await resolveDatabase({ databaseUrl: external, dataDir, owner: true });
  process.env.DATABASE_URL = database.url;
  process.env.GALLEY_DATABASE_MODE = database.mode;
  if (database.mode === "embedded") {
    process.env.NEXTAUTH_SECRET ??= await embeddedSecret(dataDir);
    process.env.GALLEY_LOG_PRIVATE_KEY ??= await embeddedLogKey(dataDir);
  }
  // Without a fixed public URL, let next-auth answer on whatever host it is reached at.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "true";

  try {
    await prepare(database.url, database.mode);
  } catch (err) {
    await database.close();
    throw err;
  }

  const child = spawn(
    process.execPath,
    [
      "--require",
      new URL("./exit-with-parent.cjs", import.meta.url).pathname,
      ...nextServerArgs({ port, dev }),
    ],
    {
      // The IPC channel only tells the child when this process is gone.
      stdio: ["inherit", "inherit", "inherit", "ipc"],
      // The preloads (scripts/next-server-args.ts) go in NODE_OPTIONS, which carries them
      // into any worker process Next.js forks too.
      env: {
        ...process.env,
        NODE_OPTIONS: [process.env.NODE_OPTIONS, ...SERVER_PRELOADS.map((p) => `--require ${p}`)]
          .filter(Boolean)
          .join(" "),
      },
    },
  );
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code: number = await new Promise((resolve) =>
    child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))),
  );
  await database.close();
  process.exit(code);
}

/** Migrate, seed the demo data where wanted, and build the app if the sources changed. */
async function prepare(url: string, mode: "embedded" | "postgres"): Promise<void> {
  const res = await migrate(url, undefined, (l) => console.log(`[galley] ${l}`));
  console.log(`[galley] database: ${mode}, ${res.applied.length} migration(s) applied`);
  if (mode === "embedded" || ["1", "true"].includes(process.env.GALLEY_DEMO ?? "")) {
    const { seedDemo } = await import("@/lib/server/seed");
    await seedDemo((l) => console.log(`[galley] ${l}`));
    const { db } = await import("@/lib/db");
    await db().$disconnect();
  }
  if (!dev) await ensureBuild();
}

main().catch((err) => {
  if (err instanceof EmbeddedUnavailable) console.error(`[galley] ${err.message}`);
  else console.error(`[galley] failed to start: ${(err as Error).message}`);
  process.exit(1);
});
