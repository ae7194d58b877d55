// `npm test`: everything CI runs: type check, lint, format check, unit and
// integration tests (real PostgreSQL), the production build, the reliability
// suite and Playwright in Debian's chromium. Steps in one stage run at the same
// time (they do not depend on each other, and one alone leaves a core idle
// while it waits on PostgreSQL or the disk); a failed stage stops the run.
// `npm test -- lint unit` runs only the steps whose names start with those words.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `\nnpm test needs a Chromium browser for the end-to-end tests and found none at ${chromium}.\n` +
      `Install Debian's: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)\n`,
  );
  process.exit(1);
}

type Step = [name: string, cmd: string[]];

const stages: Step[][] = [
  [["prisma client", ["npx", "tsx", "scripts/generate.ts"]]],
  // Static checks and unit tests share no state; each is mostly one core.
  [
    ["type check", ["npx", "tsc", "--noEmit"]],
    ["lint", ["npx", "eslint", ".", "--max-warnings", "0"]],
    ["format", ["npx", "prettier", "--check", "."]],
    ["unit tests", ["npx", "vitest", "run", "--project", "unit"]],
  ],
  // The build does not touch the database and the integration tests do not use the build.
  [
    ["integration tests", ["npx", "vitest", "run", "--project", "integration"]],
    ["build", ["npx", "tsx", "scripts/build.ts"]],
  ],
  // Both run the build. The reliability suite spends most of its time waiting (servers
  // starting, SIGKILLs, outages) and runs its files one at a time; the browser suite fills
  // the cores meanwhile. Their limits are sized for a shared machine.
  [
    ["reliability tests", ["npx", "vitest", "run", "--project", "reliability"]],
    ["end-to-end tests", ["npx", "playwright", "test"]],
  ],
];

const only = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs one step; alone it writes straight to the terminal, beside others it is buffered. */
function run([name, cmd]: Step, alone: boolean): Promise<boolean> {
  const t = Date.now();
  if (alone) console.log(`\n=== ${name}: ${cmd.join(" ")}`);
  const child = spawn(cmd[0]!, cmd.slice(1), { stdio: alone ? "inherit" : "pipe", env });
  const out: Buffer[] = [];
  child.stdout?.on("data", (b: Buffer) => out.push(b));
  child.stderr?.on("data", (b: Buffer) => out.push(b));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      if (!alone) {
        // Printed whole when the step ends, so parallel steps' lines never interleave.
        console.log(`\n=== ${name}: ${cmd.join(" ")}`);
        process.stdout.write(Buffer.concat(out));
      }
      if (code === 0) console.log(`✓ ${name} (${seconds(t)})`);
      else console.error(`\n✗ ${name} failed (exit ${code ?? signal}) after ${seconds(t)}`);
      resolve(code === 0);
    });
  });
}

const started = Date.now();
let passed = 0;
let failed = 0;
for (const stage of stages) {
  const steps = stage.filter(([name]) => !only.length || only.some((o) => name.startsWith(o)));
  if (!steps.length) continue;
  const t = Date.now();
  const results = await Promise.all(steps.map((s) => run(s, steps.length === 1)));
  passed += results.filter(Boolean).length;
  failed += results.filter((ok) => !ok).length;
  if (steps.length > 1) console.log(`--- ${steps.map(([n]) => n).join(" + ")}: ${seconds(t)}`);
  if (failed) break;
}
if (!failed) console.log(`\nAll checks passed in ${seconds(started)}`);
console.log(`Checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
