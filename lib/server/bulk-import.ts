import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { ingestArticleSchema } from "@/lib/ingest/schema";
import { ingestArticle } from "./articles";

export type LineResult =
  | { line: number; status: "created" | "existing"; id: string; slug: string }
  | { line: number; status: "error"; message: string };

export interface BulkSummary {
  results: LineResult[];
  created: number;
  existing: number;
  errors: number;
}

export const MAX_BULK_LINES = 20_000;

/**
 * Ingests NDJSON line by line; each article is its own transaction, so one bad
 * line is reported by number and never stops or rolls back the others.
 */
export async function importNdjsonLines(
  lines: AsyncIterable<string> | Iterable<string>,
  actor: Actor,
  opts: { requestId?: string; onLine?: (result: LineResult, bytes: number) => void } = {},
): Promise<BulkSummary> {
  const summary: BulkSummary = { results: [], created: 0, existing: 0, errors: 0 };
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const bytes = Buffer.byteLength(raw) + 1;
    if (raw.trim() === "") {
      opts.onLine?.({ line: lineNo, status: "existing", id: "", slug: "" }, bytes);
      continue;
    }
    let result: LineResult;
    if (lineNo > MAX_BULK_LINES) {
      result = {
        line: lineNo,
        status: "error",
        message: `More than ${MAX_BULK_LINES} lines in one import`,
      };
    } else {
      result = await importOne(raw, lineNo, actor, opts.requestId);
    }
    summary.results.push(result);
    if (result.status === "created") summary.created++;
    else if (result.status === "existing") summary.existing++;
    else summary.errors++;
    opts.onLine?.(result, bytes);
  }
  return summary;
}

async function importOne(
  raw: string,
  line: number,
  actor: Actor,
  requestId?: string,
): Promise<LineResult> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { line, status: "error", message: "Malformed JSON" };
  }
  const parsed = ingestArticleSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return {
      line,
      status: "error",
      message: i ? `${i.path.join(".") || "(root)"}: ${i.message}` : "Invalid article",
    };
  }
  try {
    const res = await ingestArticle(parsed.data, actor, { requestId });
    return {
      line,
      status: res.created ? "created" : "existing",
      id: res.article.id,
      slug: res.article.slug,
    };
  } catch (err) {
    if (err instanceof AppError) return { line, status: "error", message: err.message };
    throw err;
  }
}
