// Splits an NDJSON byte stream into lines without holding more than one line in memory. Each line
// is decoded on its own, so one line of broken UTF-8 or one over-long line fails only that line.

/** A line that could not be turned into text; the importer reports it by line number. */
export interface RejectedLine {
  rejected: string;
  bytes: number;
}

export type NdjsonLine = string | RejectedLine;

/** The whole body went over `maxTotalBytes`; lines before it were already yielded. */
export class NdjsonTooLarge extends Error {
  constructor(readonly maxTotalBytes: number) {
    super(`Request body exceeds ${maxTotalBytes} bytes`);
    this.name = "NdjsonTooLarge";
  }
}

export interface NdjsonOptions {
  /** Longer lines are skipped and reported as rejected. */
  maxLineBytes: number;
  /** Reading stops with NdjsonTooLarge past this many bytes. */
  maxTotalBytes?: number;
}

const NEWLINE = 0x0a;

export async function* ndjsonLines(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: NdjsonOptions,
): AsyncGenerator<NdjsonLine> {
  let parts: Uint8Array[] = [];
  let lineBytes = 0;
  let overlong = false;
  let total = 0;
  let first = true;

  const finish = (): NdjsonLine => {
    const bytes = lineBytes + 1;
    let line = overlong
      ? { rejected: `Line is longer than ${opts.maxLineBytes} bytes`, bytes }
      : decodeLine(parts, lineBytes, bytes);
    // Editors on Windows like to start files with a byte-order mark; JSON.parse does not.
    if (first && typeof line === "string" && line.startsWith("\uFEFF")) line = line.slice(1);
    first = false;
    parts = [];
    lineBytes = 0;
    overlong = false;
    return line;
  };

  for await (const chunk of chunks(source)) {
    total += chunk.byteLength;
    if (opts.maxTotalBytes !== undefined && total > opts.maxTotalBytes) {
      throw new NdjsonTooLarge(opts.maxTotalBytes);
    }
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.byteLength : nl;
      if (end > start) {
        lineBytes += end - start;
        if (lineBytes > opts.maxLineBytes) {
          overlong = true;
          parts = []; // drop what we have; the rest of the line is skipped too
        } else if (!overlong) {
          parts.push(chunk.subarray(start, end));
        }
      }
      if (nl === -1) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (lineBytes > 0 || overlong) yield finish();
}

function decodeLine(parts: Uint8Array[], length: number, bytes: number): NdjsonLine {
  const buf = parts.length === 1 ? parts[0]! : concat(parts, length);
  try {
    // fatal: broken UTF-8 is reported, not silently replaced by U+FFFD.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  } catch {
    return { rejected: "Line is not valid UTF-8", bytes };
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

async function* chunks(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (!("getReader" in source)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the upload when we give up early (too large, or the consumer threw).
    await reader.cancel().catch(() => {});
  }
}
