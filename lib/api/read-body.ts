import { tooLarge } from "@/lib/errors";

/**
 * Reads a request body into memory, refusing (413) as soon as it passes `maxBytes`:
 * first by the declared Content-Length, then by counting what actually arrives, so a
 * client that lies about the length or streams forever costs at most `maxBytes`.
 */
export async function readLimitedBody(
  req: { headers: Headers; body: ReadableStream<Uint8Array> | null },
  maxBytes: number,
  message = `Request body exceeds ${maxBytes} bytes`,
): Promise<Buffer> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(message);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(message);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The media type of a request, without parameters, lower-cased ("" when absent). */
export function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}
