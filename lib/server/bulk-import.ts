import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { isDatabaseUnavailable } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { NdjsonLine } from "@/lib/ingest/ndjson";
import { BULK_LIMITS, ingestArticleSchema } from "@/lib/ingest/schema";
import { humanIssueMessage } from "@/lib/validation/issues";
import { ingestBatch, prepareIngest, type IngestResult, type PreparedIngest } from "./ingest";

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

/** Articles stored per transaction: big enough that round trips stop mattering, small
 * enough that the audit lock is held for a few milliseconds at a time. */
export const BULK_BATCH = 100;

/**
 * Ingests NDJSON; one bad line is reported by number and never stops or rolls back the
 * others. Lines are checked one by one and stored in batches (lib/server/ingest.ts),
 * each batch one transaction with one audit event per article. Blank lines count for
 * numbering but produce no result.
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
    /** Articles stored per transaction. */
    batchSize?: number;
  } = {},
): Promise<BulkSummary> {
  const summary = opts.into ?? emptySummary();
  const batchSize = Math.max(1, opts.batchSize ?? BULK_BATCH);
  // Lines waiting for their batch to be stored, in order; checked lines already hold a result.
  let pending: Pending[] = [];
  let prepared = 0;
  const keys = new Set<string>();
  const flush = async () => {
    const batch = pending;
    pending = [];
    prepared = 0;
    keys.clear();
    await storeBatch(batch, actor, opts.requestId);
    for (const p of batch) {
      if (p.result) {
        summary.results.push(p.result);
        if (p.result.status === "created") summary.created++;
        else if (p.result.status === "existing") summary.existing++;
        else summary.errors++;
      }
      opts.onLine?.(p.result, p.bytes);
    }
  };
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      const p = checkLine(raw, lineNo);
      if (p.prepared) {
        // The same article twice in one batch: the second must see the first as stored.
        const key = `${p.prepared.outlet}\u0000${p.prepared.externalId}`;
        if (p.prepared.externalId && keys.has(key)) await flush();
        if (p.prepared.externalId) keys.add(key);
        prepared++;
      }
      pending.push(p);
      if (prepared >= batchSize) await flush();
    }
  } finally {
    // Lines already read are stored and counted even when the source failed.
    if (pending.length > 0) await flush();
  }
  return summary;
}

interface Pending {
  line: number;
  bytes: number;
  /** Set once known: at once for blank and invalid lines, after storing for the rest. */
  result: LineResult | null;
  prepared?: PreparedIngest;
}

function checkLine(raw: NdjsonLine, line: number): Pending {
  if (typeof raw !== "string") {
    return { line, bytes: raw.bytes, result: { line, status: "error", message: raw.rejected } };
  }
  const bytes = Buffer.byteLength(raw) + 1;
  if (raw.trim() === "") return { line, bytes, result: null };
  const error = (message: string, path?: string): Pending => ({
    line,
    bytes,
    result: { line, status: "error", message, ...(path ? { path } : {}) },
  });
  if (line > MAX_BULK_LINES) return error(`More than ${MAX_BULK_LINES} lines in one import`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return error("Malformed JSON");
  }
  const parsed = ingestArticleSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    // The message is for people; the field path stays apart for machines.
    return error(
      i ? humanIssueMessage(i, "(root)") : "Invalid article",
      i && i.path.length ? i.path.join(".") : undefined,
    );
  }
  try {
    return { line, bytes, result: null, prepared: prepareIngest(parsed.data) };
  } catch (err) {
    if (err instanceof AppError) return error(err.message);
    throw err;
  }
}

async function storeBatch(batch: Pending[], actor: Actor, requestId?: string): Promise<void> {
  const todo = batch.filter((p) => p.prepared);
  if (todo.length === 0) return;
  let results: (IngestResult | Error)[];
  try {
    results = await ingestBatch(
      todo.map((p) => p.prepared!),
      actor,
      { requestId },
    );
  } catch (err) {
    // A dead database stops the run; anything else is these lines' problem only.
    if (isDatabaseUnavailable(err)) throw err;
    console.error(`[${requestId ?? "bulk"}] lines ${todo[0]!.line}-${todo.at(-1)!.line}:`, err);
    results = todo.map(() => new Error("internal"));
  }
  todo.forEach((p, i) => {
    const r = results[i]!;
    if (!(r instanceof Error)) {
      p.result = {
        line: p.line,
        status: r.created ? "created" : "existing",
        id: r.article.id,
        slug: r.article.slug,
      };
    } else {
      if (!(r instanceof AppError)) console.error(`[${requestId ?? "bulk"}] line ${p.line}:`, r);
      p.result = {
        line: p.line,
        status: "error",
        message:
          r instanceof AppError ? r.message : "Could not store this article (internal error)",
      };
    }
  });
}
