// Splits an NDJSON file into request-sized pieces for the upload page, which posts them one after
// another to POST /api/v1/articles/bulk: progress can then be shown per piece, no single request
// nears the size limit, and results keep their place in the file through `firstLine`.

export interface NdjsonChunk {
  /** 1-based number, in the whole file, of this chunk's first line. */
  firstLine: number;
  /** Lines in this chunk, blank ones included (the server counts them too). */
  lineCount: number;
  body: string;
}

export interface ChunkOptions {
  maxLines?: number;
  /** UTF-8 bytes per chunk; a longer single line still gets a chunk of its own. */
  maxBytes?: number;
}

export const DEFAULT_CHUNK_LINES = 200;
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

export function splitNdjson(text: string, opts: ChunkOptions = {}): NdjsonChunk[] {
  const maxLines = opts.maxLines ?? DEFAULT_CHUNK_LINES;
  const maxBytes = opts.maxBytes ?? DEFAULT_CHUNK_BYTES;
  const lines = text.split("\n");
  // A final newline ends the last line; it does not start another one.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const encoder = new TextEncoder();
  const chunks: NdjsonChunk[] = [];
  let current: string[] = [];
  let bytes = 0;
  let firstLine = 1;
  const flush = () => {
    if (current.length === 0) return;
    chunks.push({ firstLine, lineCount: current.length, body: current.join("\n") + "\n" });
    firstLine += current.length;
    current = [];
    bytes = 0;
  };
  for (const line of lines) {
    const size = encoder.encode(line).length + 1;
    if (current.length >= maxLines || (current.length > 0 && bytes + size > maxBytes)) flush();
    current.push(line);
    bytes += size;
  }
  flush();
  return chunks;
}

/** Counts lines the way the server numbers them (a trailing newline adds no line). */
export function countNdjsonLines(text: string): number {
  if (text === "") return 0;
  const n = text.split("\n").length;
  return text.endsWith("\n") ? n - 1 : n;
}
