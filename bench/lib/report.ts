import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { QUICK, RECORD } from "./args";
import { machineLine, type Machine } from "./machine";

export const REPORT_FILE = path.resolve("docs/benchmarks.md");

/** One line of a benchmark's verdict; `met` is null when the issue sets no target. */
export interface Verdict {
  bench: string;
  metric: string;
  galley: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: boolean | null;
}

export interface BenchReport {
  title: string;
  machine: Machine;
  /** How the data was made and what was measured, one bullet each. */
  setup: string[];
  /** Markdown tables with the raw numbers. */
  details: string[];
  verdicts: Verdict[];
  notes?: string[];
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export const metText = (met: boolean | null): string =>
  met === null ? "n/a" : met ? "yes" : "**no**";

export function verdictTable(verdicts: Verdict[]): string {
  return table(
    ["metric", "Galley", "baseline", "ratio", "goal", "met?"],
    verdicts.map((v) => [v.metric, v.galley, v.baseline, v.ratio, v.goal, metText(v.met)]),
  );
}

const INTRO = `# Benchmarks

Performance checks from issue 8. They are not part of \`npm test\`: each one creates its own
PostgreSQL database on 127.0.0.1:5432 (user \`postgres\`), generates its data, runs the production
build (\`GALLEY_DIST_DIR=.next-bench\`, built on first use) on a port in 3300–3399, measures Galley
and a baseline in the same run, appends its section below and drops the database (also on failure).

\`\`\`sh
npm run bench                          # all six in sequence, then a summary table
npx tsx --conditions=react-server bench/feedback-intake.ts       # one benchmark
npx tsx --conditions=react-server bench/run-all.ts --quick       # smoke run: small sizes, printed but not recorded here
\`\`\`

| benchmark | what it measures | goal |
| --- | --- | --- |
| \`feedback-intake\` | \`POST /api/v1/articles/:id/feedback\` under 100 connections for 30 s (autocannon, a new \`X-Forwarded-For\` per request) vs \`POST /api/bench/baseline\`, a route that only inserts one row with the same driver; every 201 must be a stored row | throughput ≥ 0.7× baseline |
| \`review-diff\` | workspace page and diff API (r1 → r20) of a 200-segment (~10,000-word) article vs a 10-segment one, both with 20 revisions; in process, \`diffSegments\` vs plain jsdiff \`diffWords\` | time ratio ≤ size ratio (20) |
| \`history\` | history page, revisions API and the r1 ↔ rN diff with N = 10 and N = 1,000 revisions | ratio ≤ 1.5 |
| \`queue-search\` | article list, filtered list and full-text search with 1,000 and 100,000 articles | ratio ≤ 2 |
| \`bulk-ingest\` | 10,000 articles through \`POST /api/v1/articles/bulk\` (NDJSON): articles/s and the server's peak RSS, vs \`ingestArticle\` called in process | none set (reported) |
| \`audit-append\` | cost of one \`recordAudit\` with 1,000 and 1,000,000 events in the log, vs a plain insert | ratio ≈ 1 (≤ 1.2) |
| \`audit-log\` | the sealer over 1,000,000 events (events/s), and inclusion/consistency proofs in a tree of 1,000,000 leaves vs 1,000 | ≤ 2× |

Latencies are client-side times to the last byte over loopback, so they include the server's
work and the HTTP stack but no network. The load generator runs on the same machine as the server
and PostgreSQL, so absolute numbers are lower than on separate hosts; ratios are what to compare.
`;

/** Prints the report, appends it to docs/benchmarks.md (full runs) and to run-all's summary. */
export async function publish(report: BenchReport): Promise<void> {
  const md = [
    `## ${report.title}${QUICK ? " (quick run)" : ""}`,
    "",
    `Machine: ${machineLine(report.machine)}`,
    "",
    ...report.setup.map((s) => `- ${s}`),
    "",
    ...report.details.flatMap((d) => [d, ""]),
    verdictTable(report.verdicts),
    "",
    ...(report.notes?.length ? ["Notes:", "", ...report.notes.map((n) => `- ${n}`), ""] : []),
  ].join("\n");
  console.log(`\n${md}`);
  if (RECORD) {
    const existing = await readFile(REPORT_FILE, "utf8").catch(() => null);
    if (existing === null) await writeFile(REPORT_FILE, INTRO);
    await appendFile(REPORT_FILE, `\n${md.trimEnd()}\n`);
    console.log(`[bench] appended to ${path.relative(process.cwd(), REPORT_FILE)}`);
  }
  const summaryFile = process.env.GALLEY_BENCH_SUMMARY_FILE;
  if (summaryFile) {
    await appendFile(summaryFile, report.verdicts.map((v) => JSON.stringify(v) + "\n").join(""));
  }
}
