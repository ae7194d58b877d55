import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm start` builds only when the sources changed since the last build: the
// stamp is a hash of every source file's path, size and mtime.
const ROOTS = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", ".next", "generated", ".galley"]);

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), out);
  } else {
    out.push(`${p}:${st.size}:${st.mtimeMs}`);
  }
}

function sourceStamp(): string {
  const entries: string[] = [];
  for (const r of ROOTS) walk(r, entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

const nextBin = "node_modules/next/dist/bin/next";

export async function ensurePrismaClient(): Promise<void> {
  const client = "lib/db/generated/client.ts";
  if (existsSync(client) && statSync(client).mtimeMs >= statSync("prisma/schema.prisma").mtimeMs)
    return;
  console.log("[galley] generating the Prisma client");
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
    stdio: "inherit",
  });
}

export async function ensureBuild(opts: { force?: boolean } = {}): Promise<void> {
  const dist = process.env.GALLEY_DIST_DIR ?? ".next";
  const stampFile = `${dist}/galley-build-stamp`;
  const stamp = sourceStamp();
  if (
    !opts.force &&
    existsSync(`${dist}/BUILD_ID`) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp
  )
    return;
  console.log("[galley] building the app (first start or sources changed)…");
  execFileSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  writeFileSync(stampFile, stamp);
}
