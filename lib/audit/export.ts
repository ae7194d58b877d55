import type { StoredEvent } from "./chain";

// Audit log export formats. Pure: turns batches of events into text chunks; the
// route wraps them in a ReadableStream that pulls one batch at a time.

export type ExportEvent = StoredEvent;

export type ExportFormat = "csv" | "json" | "ndjson";

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

export const CSV_COLUMNS = [
  "id",
  "at",
  "actorType",
  "actorId",
  "actorLabel",
  "action",
  "entityType",
  "entityId",
  "requestId",
  "data",
  "prevHash",
  "hash",
] as const;

// A spreadsheet runs a cell starting with one of these as a formula (CSV
// injection). Prefixing an apostrophe makes it text; the JSON exports stay exact.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | null): string {
  if (value === null) return "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(e: ExportEvent): string {
  return (
    CSV_COLUMNS.map((c) => csvCell(c === "data" ? JSON.stringify(e.data) : e[c])).join(",") + "\r\n"
  );
}

/** Chunks of the whole export: header, one chunk per batch, trailer. */
export async function* exportChunks(
  format: ExportFormat,
  batches: AsyncIterable<ExportEvent[]>,
): AsyncGenerator<string> {
  if (format === "csv") yield CSV_COLUMNS.join(",") + "\r\n";
  if (format === "json") yield "[";
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    if (format === "csv") yield batch.map(csvRow).join("");
    else if (format === "ndjson") yield batch.map((e) => JSON.stringify(e) + "\n").join("");
    else {
      yield (first ? "\n" : ",\n") + batch.map((e) => JSON.stringify(e)).join(",\n");
      first = false;
    }
  }
  if (format === "json") yield first ? "]\n" : "\n]\n";
}

/** A byte stream that asks the generator for the next chunk only when the reader wants it. */
export function streamFromChunks(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
