// `npm run bench`: every benchmark of issue 8 in sequence, each in its own process (each points
// lib/server at its own database), then a summary table. Flags pass through (--quick, --record).
import { spawn } from "node:child_process";
import { appendFile, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { QUICK, RECORD } from "./lib/args";
import { REPORT_FILE, metText, table, type Verdict } from "./lib/report";
import { ensureBenchBuild } from "./lib/server";

const BENCHES = [
  "feedback-intake",
  "review-diff",
  "history",
  "queue-search",
  "bulk-ingest",
  "audit-append",
  "audit-log",
];

function run(name: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        `bench/${name}.ts`,
        ...process.argv.slice(2),
      ],
      { env, stdio: "inherit" },
    );
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

await ensureBenchBuild(); // once, so every benchmark runs the same build
const summaryFile = path.join(os.tmpdir(), `galley-bench-${process.pid}.jsonl`);
const env = {
  ...process.env,
  GALLEY_BENCH_SKIP_BUILD: "1",
  GALLEY_BENCH_SUMMARY_FILE: summaryFile,
};
const outcomes: { name: string; code: number; minutes: number }[] = [];
for (const name of BENCHES) {
  console.log(`\n=== ${name}${QUICK ? " (quick)" : ""} ===`);
  const start = Date.now();
  const code = await run(name, env);
  outcomes.push({ name, code, minutes: (Date.now() - start) / 60_000 });
}

const verdicts = ((await readFile(summaryFile, "utf8").catch(() => "")) || "")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Verdict);
await rm(summaryFile, { force: true });
const rows = BENCHES.flatMap((name) => {
  const outcome = outcomes.find((o) => o.name === name)!;
  const mine = verdicts.filter((v) => v.bench === name);
  if (outcome.code !== 0 || mine.length === 0) {
    return [[name, `**failed** (exit ${outcome.code})`, "", "", "", "", ""]];
  }
  return mine.map((v) => [name, v.metric, v.galley, v.baseline, v.ratio, v.goal, metText(v.met)]);
});
const summary = table(["benchmark", "metric", "Galley", "baseline", "ratio", "goal", "met?"], rows);
const took = outcomes.map((o) => `${o.name} ${o.minutes.toFixed(1)} min`).join(", ");
console.log(`\n${summary}\n\n${took}`);
if (RECORD) {
  await appendFile(
    REPORT_FILE,
    `\n## Summary of the run of ${new Date().toISOString()}${QUICK ? " (quick)" : ""}\n\n${summary}\n\nDurations: ${took}.\n`,
  );
}
process.exit(outcomes.some((o) => o.code !== 0) ? 1 : 0);
