import { describe, expect, it } from "vitest";
import { NdjsonTooLarge, ndjsonLines, type NdjsonLine } from "@/lib/ingest/ndjson";
import { countNdjsonLines, splitNdjson } from "@/lib/ingest/ndjson-chunks";

const enc = new TextEncoder();

async function collect(
  parts: (string | Uint8Array)[],
  opts = { maxLineBytes: 100 } as { maxLineBytes: number; maxTotalBytes?: number },
): Promise<NdjsonLine[]> {
  const out: NdjsonLine[] = [];
  const chunks = parts.map((p) => (typeof p === "string" ? enc.encode(p) : p));
  for await (const line of ndjsonLines(chunks, opts)) out.push(line);
  return out;
}

describe("ndjsonLines", () => {
  it("splits across chunk boundaries, strips CR and a leading BOM, keeps blank lines", async () => {
    expect(await collect(['\uFEFF{"a":', "1}\r\n\n", '{"b"', ":2}"])).toEqual([
      '{"a":1}',
      "",
      '{"b":2}',
    ]);
  });

  it("does not split a multi-byte character cut between chunks", async () => {
    const bytes = enc.encode('"한국어"\n');
    expect(await collect([bytes.subarray(0, 3), bytes.subarray(3)])).toEqual(['"한국어"']);
  });

  it("rejects only the broken or over-long line", async () => {
    const lines = await collect([
      "ok\n",
      new Uint8Array([0xc3, 0x28, 0x0a]),
      "x".repeat(150),
      "y".repeat(50) + "\nlast",
    ]);
    expect(lines).toEqual([
      "ok",
      { rejected: "Line is not valid UTF-8", bytes: 3 },
      { rejected: "Line is longer than 100 bytes", bytes: 201 },
      "last",
    ]);
  });

  it("throws once the whole body passes the limit", async () => {
    await expect(
      collect(["aaaa\n", "bbbb\n"], { maxLineBytes: 100, maxTotalBytes: 6 }),
    ).rejects.toBeInstanceOf(NdjsonTooLarge);
  });
});

describe("splitNdjson", () => {
  it("keeps global line numbers across chunks, blank lines included", () => {
    const text = ["a", "", "c", "d", "e"].join("\n") + "\n";
    const chunks = splitNdjson(text, { maxLines: 2 });
    expect(chunks).toEqual([
      { firstLine: 1, lineCount: 2, body: "a\n\n" },
      { firstLine: 3, lineCount: 2, body: "c\nd\n" },
      { firstLine: 5, lineCount: 1, body: "e\n" },
    ]);
    expect(countNdjsonLines(text)).toBe(5);
    expect(countNdjsonLines("a\nb")).toBe(2);
  });

  it("starts a new chunk before the byte limit, and gives a huge line its own chunk", () => {
    const chunks = splitNdjson(["aaaa", "bbbb", "x".repeat(50), "c"].join("\n"), {
      maxLines: 100,
      maxBytes: 12,
    });
    expect(chunks.map((c) => [c.firstLine, c.lineCount])).toEqual([
      [1, 2],
      [3, 1],
      [4, 1],
    ]);
  });
});
