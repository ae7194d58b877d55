// `npm test`: everything CI runs: type check, lint, format check, unit and
// integration tests (real PostgreSQL), the production build, the reliability
// suite and Playwright in Debian's chromium.
//
// Steps form a small dependency graph, and each starts as soon as what it needs has
// passed, not when a whole "stage" ends: the browser suite, the longest step, needs
// only the build, so it starts the moment the build is done while the integration
// tests are still running. On two cores the steps keep both busy; one alone would
// leave a core idle while it waits on PostgreSQL, the disk or a server starting.
// A failed step starts nothing new; steps already running finish and are reported.
// `npm test -- lint unit` runs only the steps whose names start with those words
// (their dependencies are then taken as met).
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

interface Step {
  name: string;
  cmd: string[];
  /** Steps that must pass first. */
  after: string[];
}

const step = (name: string, cmd: string[], after: string[] = []): Step => ({ name, cmd, after });

const steps: Step[] = [
  step("prisma client", ["npx", "tsx", "scripts/generate.ts"]),
  // Static checks and unit tests share no state; each is mostly one core.
  // After the build: tsc also checks the route types the build writes to .next/types (that
  // every route file exports what Next expects), and must not read them half-written.
  step("type check", ["npx", "tsc", "--noEmit"], ["build"]),
  step("lint", ["npx", "eslint", ".", "--max-warnings", "0"], ["prisma client"]),
  step("format", ["npx", "prettier", "--check", "."], []),
  step("unit tests", ["npx", "vitest", "run", "--project", "unit"], ["prisma client"]),
  // The build does not touch the database and the integration tests do not use the build.
  step("integration tests", ["npx", "vitest", "run", "--project", "integration"], ["unit tests"]),
  step("build", ["npx", "tsx", "scripts/build.ts"], ["prisma client"]),
  // Both run the build. The reliability suite spends most of its time waiting (servers
  // starting, SIGKILLs, outages); the browser suite fills the cores meanwhile.
  step("end-to-end tests", ["npx", "playwright", "test"], ["build"]),
  step(
    "reliability tests",
    ["npx", "vitest", "run", "--project", "reliability"],
    ["build", "integration tests"],
  ),
];

const only = process.argv.slice(2);
const selected = steps.filter((s) => !only.length || only.some((o) => s.name.startsWith(o)));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const started = Date.now();

/** Runs one step; its output is printed whole when it ends, so parallel steps never interleave. */
function run({ name, cmd }: Step): Promise<boolean> {
  const t = Date.now();
  console.log(`▶ ${name} (at ${seconds(started)})`);
  const child = spawn(cmd[0]!, cmd.slice(1), { stdio: ["ignore", "pipe", "pipe"], env });
  const out: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => out.push(b));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      console.log(`\n=== ${name}: ${cmd.join(" ")}`);
      process.stdout.write(Buffer.concat(out));
      if (code === 0) console.log(`✓ ${name} (${seconds(t)}, done at ${seconds(started)})`);
      else console.error(`\n✗ ${name} failed (exit ${code ?? signal}) after ${seconds(t)}`);
      resolve(code === 0);
    });
  });
}

const passed = new Set<string>();
const failed = new Set<string>();
const running = new Map<string, Promise<void>>();
const isMet = (dep: string) => passed.has(dep) || !selected.some((s) => s.name === dep);

while (passed.size + failed.size < selected.length) {
  if (!failed.size) {
    for (const s of selected) {
      if (running.has(s.name) || passed.has(s.name) || failed.has(s.name)) continue;
      if (!s.after.every(isMet)) continue;
      running.set(
        s.name,
        run(s).then((ok) => {
          running.delete(s.name);
          (ok ? passed : failed).add(s.name);
        }),
      );
    }
  }
  if (!running.size) break; // a failure left the rest unstarted
  await Promise.race(running.values());
}

const skipped = selected.filter((s) => !passed.has(s.name) && !failed.has(s.name));
if (!failed.size) console.log(`\nAll checks passed in ${seconds(started)}`);
else if (skipped.length) console.log(`\nNot started: ${skipped.map((s) => s.name).join(", ")}`);
console.log(`Checks: ${passed.size} passed, ${failed.size} failed`);
process.exit(failed.size ? 1 : 0);
