// npm run eval:qa — scores the QA checks on the labelled evaluation set (issue 16) and writes
// the table into docs/quality.md between the qa-eval markers. `--no-write` only prints;
// `--verbose` also lists every missed error and every false alarm.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import {
  evaluate,
  rankArticles,
  replaceReport,
  reportTable,
  type EvalReport,
} from "@/lib/quality/eval";
import { loadEvalArticles } from "@/lib/quality/eval-fixtures";
import { SCORERS } from "@/lib/quality/eval-scorers";

const args = new Set(process.argv.slice(2));
const articles = loadEvalArticles();
const report = evaluate(articles);
const rankings = SCORERS.map((scorer) => rankArticles(articles, report.results, scorer));
const table = reportTable(report, rankings);

console.log(table);
if (args.has("--verbose")) console.log(details(report));

if (!args.has("--no-write")) {
  const file = path.join(process.cwd(), "docs", "quality.md");
  const updated = replaceReport(readFileSync(file, "utf8"), table);
  // Formatted as `npm run format` would, so the format check stays green after a run.
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(updated, { ...options, filepath: file }));
  console.log(`\nWritten to docs/quality.md.`);
}

function details(r: EvalReport): string {
  const lines: string[] = [""];
  for (const result of r.results) {
    result.labels.forEach((label, i) => {
      if (!result.labelHits[i] && label.check !== "none") {
        lines.push(`MISSED ${result.id} #${label.segmentIndex} ${label.check} "${label.mtSpan}"`);
      }
    });
    result.warnings.forEach((w, i) => {
      if (result.warningHits[i]) return;
      const text = result.context.segments[w.segmentIndex]?.text ?? "";
      const span = w.start === undefined ? "" : ` "${text.slice(w.start, w.end)}"`;
      lines.push(`FALSE  ${result.id} #${w.segmentIndex} ${w.check}${span}: ${w.message}`);
    });
  }
  return lines.join("\n");
}
