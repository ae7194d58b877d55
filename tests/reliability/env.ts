import { execFile } from "node:child_process";
import { migrate } from "@/lib/db/migrate";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";

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
        env: { ...process.env, DATABASE_URL: databaseUrl, ...extraEnv },
        maxBuffer: 10 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${args.join(" ")} failed: ${stderr}`)) : resolve(stdout),
    );
  });
}

/** A fresh database with migrations, demo data and an admin API token. */
export async function seededDatabase(prefix: string) {
  const database = await createTestDatabase(prefix);
  await migrate(database.url);
  await cli(database.url, ["seed"], { GALLEY_DEMO: "1" });
  const token = (await cli(database.url, ["token:create", "--email", "admin@galley.local"]))
    .trim()
    .split("\n")
    .at(-1)!;
  return { ...database, token, drop: () => dropTestDatabase(database.name) };
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
