import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NdjsonTooLarge, ndjsonLines } from "@/lib/ingest/ndjson";
import { INGEST_LIMITS } from "@/lib/ingest/schema";
import { emptySummary, importNdjsonLines } from "@/lib/server/bulk-import";
import { articleInput, makeUser } from "./factories";

const enc = new TextEncoder();

/** A body as the HTTP layer sees it: bytes in arbitrary chunks. */
function streamOf(text: string | Uint8Array, chunkSize = 7_001): ReadableStream<Uint8Array> {
  const bytes = typeof text === "string" ? enc.encode(text) : text;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

const lines = (body: string | Uint8Array, maxTotalBytes?: number) =>
  ndjsonLines(streamOf(body), { maxLineBytes: INGEST_LIMITS.maxBodyBytes, maxTotalBytes });

describe("bulk NDJSON import", () => {
  it("imports good lines and reports each bad one by its line number", async () => {
    const editor = await makeUser("EDITOR");
    const good = articleInput();
    const conflicting = { ...good, mt: good.mt!.replace("first", "opening") };
    const missingEngine: Record<string, unknown> = { ...articleInput() };
    delete missingEngine.engine;
    const body = [
      JSON.stringify(good), // 1
      "{not json", // 2
      "", // 3: blank, skipped but counted
      JSON.stringify(missingEngine), // 4
      JSON.stringify(good), // 5: same again → existing
      JSON.stringify(conflicting) + "\r", // 6: CRLF line, same externalId, other text → 409
      JSON.stringify({ ...articleInput(), url: "not a url" }), // 7
      JSON.stringify(articleInput()), // 8
    ].join("\n");
    const utf8 = Buffer.concat([
      Buffer.from(body + "\n"),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), // 9: broken UTF-8
      Buffer.from("x".repeat(INGEST_LIMITS.maxBodyBytes + 10) + "\n"), // 10: over-long
      Buffer.from(JSON.stringify(articleInput())), // 11: no trailing newline
    ]);
    const summary = await importNdjsonLines(lines(utf8), editor);
    expect(summary).toMatchObject({ created: 3, existing: 1, errors: 6 });
    const byLine = Object.fromEntries(summary.results.map((r) => [r.line, r]));
    expect(Object.keys(byLine).map(Number)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(byLine[1]).toMatchObject({ status: "created", id: expect.any(String) });
    expect(byLine[2]).toMatchObject({ status: "error", message: "Malformed JSON" });
    expect(byLine[4]).toMatchObject({
      status: "error",
      path: "engine",
      message: 'engine is missing — add "engine": {"name": …}',
    });
    expect(byLine[5]).toMatchObject({
      status: "existing",
      id: (byLine[1] as { id: string }).id,
    });
    expect(byLine[6]).toMatchObject({
      status: "error",
      message: expect.stringContaining("already exists"),
    });
    expect(byLine[7]).toMatchObject({ status: "error", message: expect.stringMatching(/^url: /) });
    expect(byLine[8]).toMatchObject({ status: "created" });
    expect(byLine[9]).toMatchObject({ status: "error", message: "Line is not valid UTF-8" });
    expect(byLine[10]).toMatchObject({
      status: "error",
      message: expect.stringContaining("longer than"),
    });
    expect(byLine[11]).toMatchObject({ status: "created" });
  });

  it.each([8, 100])(
    "keeps results in line order in batches of %i, the same article repeated inside and across batches",
    async (batchSize) => {
      const editor = await makeUser("EDITOR");
      const same = JSON.stringify(articleInput());
      const body = Array.from({ length: 40 }, (_, i) =>
        i % 10 === 0 ? same : JSON.stringify(articleInput()),
      ).join("\n");
      const summary = await importNdjsonLines(lines(body), editor, { batchSize });
      expect(summary.results.map((r) => r.line)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
      expect(summary).toMatchObject({ created: 37, existing: 3, errors: 0 });
      const ids = new Set(
        summary.results.filter((_, i) => i % 10 === 0).map((r) => "id" in r && r.id),
      );
      expect(ids.size).toBe(1);
    },
  );

  it("stores each article once when two imports of the same file race", async () => {
    const editor = await makeUser("EDITOR");
    const body = Array.from({ length: 30 }, () => JSON.stringify(articleInput())).join("\n");
    const [a, b] = await Promise.all([
      importNdjsonLines(lines(body), editor, { batchSize: 10 }),
      importNdjsonLines(lines(body), editor, { batchSize: 10 }),
    ]);
    expect(a.errors + b.errors).toBe(0);
    expect(a.created + b.created).toBe(30);
    expect(a.existing + b.existing).toBe(30);
    const idsOf = (s: typeof a) => s.results.map((r) => ("id" in r ? r.id : null));
    expect(idsOf(a)).toEqual(idsOf(b));
  });

  it("creates a new engine once when its first articles arrive in parallel imports", async () => {
    const editor = await makeUser("EDITOR");
    const engine = { name: `Fresh MT ${Date.now()}`, version: "0.1" };
    const file = () =>
      Array.from({ length: 4 }, () => JSON.stringify(articleInput({ engine }))).join("\n");
    const summaries = await Promise.all(
      [file(), file(), file()].map((body) => importNdjsonLines(lines(body), editor)),
    );
    expect(summaries.map((s) => s.created)).toEqual([4, 4, 4]);
    expect(await db().engine.count({ where: { name: engine.name } })).toBe(1);
  });

  it("stops at the byte limit but reports the lines it already stored", async () => {
    const editor = await makeUser("EDITOR");
    const line = JSON.stringify(articleInput()) + "\n";
    const body = line + JSON.stringify(articleInput()) + "\n" + "x".repeat(4000);
    const summary = emptySummary();
    await expect(
      importNdjsonLines(lines(body, line.length + 10), editor, { into: summary }),
    ).rejects.toBeInstanceOf(NdjsonTooLarge);
    // The first chunk (7,001 bytes) already overran, so nothing was read as a line.
    expect(summary.results.length).toBeLessThanOrEqual(1);
  });

  // 10,000 lines take minutes on a slow disk through the library (one fsync per article); the
  // full 10,000-line file goes through the HTTP endpoint in tests/e2e/ingest-api.spec.ts.
  it(
    "imports a generated 1,000-line file with every 50th line broken",
    { timeout: 120_000 },
    async () => {
      const editor = await makeUser("EDITOR");
      const outlet = `Bulk ${Date.now()}`;
      const body = Array.from({ length: 1000 }, (_, i) =>
        (i + 1) % 50 === 0
          ? `{"sourceLang": "ko", "line": ${i + 1}`
          : JSON.stringify(articleInput({ outlet, externalId: `bulk-${i + 1}` })),
      ).join("\n");
      const started = Date.now();
      const summary = await importNdjsonLines(lines(body), editor);
      const seconds = (Date.now() - started) / 1000;
      expect(summary).toMatchObject({ created: 980, existing: 0, errors: 20 });
      expect(summary.results.filter((r) => r.status === "error").map((r) => r.line)).toEqual(
        Array.from({ length: 20 }, (_, i) => (i + 1) * 50),
      );
      expect(await db().article.count({ where: { outlet } })).toBe(980);
      console.log(`bulk import: 1,000 lines in ${seconds.toFixed(1)} s`);
    },
  );
});
