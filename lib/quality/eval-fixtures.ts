// Loads the QA evaluation set (tests/fixtures/qa-eval/*.json). Node-only (reads files), kept
// apart from eval.ts so the scoring stays pure.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { evalArticleSchema, type EvalArticle } from "./eval";

export const QA_EVAL_DIR = path.join(process.cwd(), "tests", "fixtures", "qa-eval");

/** Every fixture, validated, in file-name order; throws naming the file on a bad one. */
export function loadEvalArticles(dir: string = QA_EVAL_DIR): EvalArticle[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const parsed = evalArticleSchema.safeParse(
        JSON.parse(readFileSync(path.join(dir, name), "utf8")),
      );
      if (!parsed.success) throw new Error(`${name}: ${parsed.error.message}`);
      if (`${parsed.data.id}.json` !== name)
        throw new Error(`${name}: id must match the file name`);
      return parsed.data;
    });
}
