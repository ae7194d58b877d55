import { execFile } from "node:child_process";
import { migrate } from "@/lib/db/migrate";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { cloneTestDatabase, createTestDatabase, dropTestDatabase } from "../support/test-db";
import { TEST_LOG_PRIVATE_KEY } from "../support/log-key";

/** Runs the ops CLI against a database; returns stdout (throws with stderr on failure). */
export function cli(
  databaseUrl: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/galley.ts", ...args],
      {
        // The same log key as the app servers (tests/support/app-server.ts): audit:verify
        // checks the heads they signed.
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          GALLEY_LOG_PRIVATE_KEY: TEST_LOG_PRIVATE_KEY,
          ...extraEnv,
        },
        maxBuffer: 10 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${args.join(" ")} failed: ${stderr}`)) : resolve(stdout),
    );
  });
}

/** Migrations, demo data and an admin API token, once per run: the template every file copies. */
export async function seedTemplate(prefix: string) {
  const database = await createTestDatabase(prefix);
  await migrate(database.url);
  await cli(database.url, ["seed"], { GALLEY_DEMO: "1" });
  const token = (await cli(database.url, ["token:create", "--email", "admin@galley.local"]))
    .trim()
    .split("\n")
    .at(-1)!;
  return { ...database, token };
}

/**
 * A fresh database with migrations, demo data and an admin API token: a file copy of the
 * run's seeded template (global-setup.ts), which takes a fraction of a second where
 * migrating and seeding again took two CLI processes and several seconds per file.
 */
export async function seededDatabase(prefix: string) {
  const template = inject("seededTemplate");
  const database = await cloneTestDatabase(
    template.name,
    `${template.name}_${prefix}_${randomBytes(3).toString("hex")}`,
  );
  return { ...database, token: template.token, drop: () => dropTestDatabase(database.name) };
}

export async function getJson(url: string, token: string, init: RequestInit = {}) {
  const res = await fetch(url, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...(init.headers ?? {}),
    },
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: res.status, body: body as Record<string, unknown>, headers: res.headers };
}
