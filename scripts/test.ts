// `npm test`: everything CI runs, in order, stopping at the first failure:
// type check, lint, format check, unit, integration (real PostgreSQL), then the
// production build and Playwright in Debian's chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `\nnpm test needs a Chromium browser for the end-to-end tests and found none at ${chromium}.\n` +
      `Install Debian's: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)\n`,
  );
  process.exit(1);
}

const steps: [string, string[]][] = [
  ["prisma client", ["npx", "tsx", "scripts/generate.ts"]],
  ["type check", ["npx", "tsc", "--noEmit"]],
  ["lint", ["npx", "eslint", ".", "--max-warnings", "0"]],
  ["format", ["npx", "prettier", "--check", "."]],
  ["unit tests", ["npx", "vitest", "run", "--project", "unit"]],
  ["integration tests", ["npx", "vitest", "run", "--project", "integration"]],
  ["build", ["npx", "tsx", "scripts/build.ts"]],
  ["reliability tests", ["npx", "vitest", "run", "--project", "reliability"]],
  ["end-to-end tests", ["npx", "playwright", "test"]],
];

const only = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const started = Date.now();
let passed = 0;
for (const [name, cmd] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name}: ${cmd.join(" ")}`);
  const t = Date.now();
  const res = spawnSync(cmd[0]!, cmd.slice(1), { stdio: "inherit", env });
  if (res.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${res.status ?? res.signal})`);
    console.error(`Checks: ${passed} passed, 1 failed`);
    process.exit(res.status ?? 1);
  }
  passed++;
  console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`Checks: ${passed} passed, 0 failed`);
