import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { isDatabaseUnavailable } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { NdjsonLine } from "@/lib/ingest/ndjson";
import { BULK_LIMITS, ingestArticleSchema } from "@/lib/ingest/schema";
import { humanIssueMessage } from "@/lib/validation/issues";
import { ingestArticle } from "./articles";

export type LineResult =
  | { line: number; status: "created" | "existing"; id: string; slug: string }
  | { line: number; status: "error"; message: string; path?: string };

export interface BulkSummary {
  created: number;
  existing: number;
  errors: number;
  results: LineResult[];
}

// Documented in docs/api.md. A 10,000-line file must import; twice that is the ceiling.
// Declared beside the ingest limits so the route contract can name them without lib/server.
export { BULK_LIMITS };
export const MAX_BULK_LINES = BULK_LIMITS.maxLines;

export function emptySummary(): BulkSummary {
  return { created: 0, existing: 0, errors: 0, results: [] };
}

/**
 * Ingests NDJSON line by line; each article is its own transaction, so one bad
 * line is reported by number and never stops or rolls back the others. Blank
 * lines count for numbering but produce no result.
 */
export async function importNdjsonLines(
  lines: AsyncIterable<NdjsonLine> | Iterable<NdjsonLine>,
  actor: Actor,
  opts: {
    requestId?: string;
    /** Called for every line in order (result null for blank lines), e.g. to draw progress. */
    onLine?: (result: LineResult | null, bytes: number) => void;
    /** Filled in place, so a caller still has the results when the source throws midway. */
    into?: BulkSummary;
    /** Articles stored at once; results still come out in line order. */
    concurrency?: number;
  } = {},
): Promise<BulkSummary> {
  const summary = opts.into ?? emptySummary();
  const window = Math.max(1, opts.concurrency ?? BULK_CONCURRENCY);
  // In-flight lines, oldest first: only `window` lines are ever held at once.
  const pending: Promise<{ result: LineResult | null; bytes: number }>[] = [];
  const settle = async () => {
    const { result, bytes } = await pending.shift()!;
    if (result) {
      summary.results.push(result);
      if (result.status === "created") summary.created++;
      else if (result.status === "existing") summary.existing++;
      else summary.errors++;
    }
    opts.onLine?.(result, bytes);
  };
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      const work = processLine(raw, lineNo, actor, opts.requestId);
      // Awaited in order by settle(); this only keeps an early failure from counting as
      // unhandled (which would end the process) while older lines are still in flight.
      work.catch(() => {});
      pending.push(work);
      if (pending.length >= window) await settle();
    }
  } finally {
    // Lines already started are finished and counted even when the source failed.
    while (pending.length > 0) await settle();
  }
  return summary;
}

/** Parallel ingests per bulk request: enough to hide round trips, well under the pool size. */
export const BULK_CONCURRENCY = 6;

async function processLine(
  raw: NdjsonLine,
  line: number,
  actor: Actor,
  requestId?: string,
): Promise<{ result: LineResult | null; bytes: number }> {
  if (typeof raw !== "string") {
    return { result: { line, status: "error", message: raw.rejected }, bytes: raw.bytes };
  }
  const bytes = Buffer.byteLength(raw) + 1;
  if (raw.trim() === "") return { result: null, bytes };
  if (line > MAX_BULK_LINES) {
    const message = `More than ${MAX_BULK_LINES} lines in one import`;
    return { result: { line, status: "error", message }, bytes };
  }
  return { result: await importOne(raw, line, actor, requestId), bytes };
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
      message: i ? humanIssueMessage(i, "(root)") : "Invalid article",
      // The field for machines; the message is for people.
      ...(i && i.path.length ? { path: i.path.join(".") } : {}),
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
    // A dead database stops the run; anything else is this line's problem only.
    if (isDatabaseUnavailable(err)) throw err;
    console.error(`[${requestId ?? "bulk"}] line ${line}:`, err);
    return { line, status: "error", message: "Could not store this article (internal error)" };
  }
}
