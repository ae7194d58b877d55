import { describe, expect, it } from "vitest";
import { csvCell, exportChunks, type ExportEvent } from "@/lib/audit/export";

const event = (id: number, extra: Partial<ExportEvent> = {}): ExportEvent => ({
  id: String(id),
  at: "2026-11-13T00:00:00.000Z",
  actorType: "USER",
  actorId: "u1",
  actorLabel: "editor@galley.local",
  action: "revision.create",
  entityType: "article",
  entityId: "a1",
  data: { to: id },
  requestId: "r1",
  prevHash: "0".repeat(64),
  hash: "f".repeat(64),
  ...extra,
});

async function* batches(...b: ExportEvent[][]) {
  for (const x of b) yield x;
}

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}

describe("csvCell", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const v of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) {
      expect(csvCell(v).replace(/^"|"$/g, "").startsWith("'")).toBe(true);
    }
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
  });

  it("quotes commas, quotes and newlines", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe("exportChunks", () => {
  it("writes a header and one CSV line per event", async () => {
    const csv = await collect(exportChunks("csv", batches([event(1), event(2)], [event(3)])));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,at,actorType,actorId,actorLabel,action,entityType,entityId,requestId,data,prevHash,hash",
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',"{""to"":1}",');
  });

  it("writes valid JSON across batches, and for no events at all", async () => {
    const json = await collect(exportChunks("json", batches([event(1)], [], [event(2), event(3)])));
    expect(JSON.parse(json).map((e: ExportEvent) => e.id)).toEqual(["1", "2", "3"]);
    expect(JSON.parse(await collect(exportChunks("json", batches())))).toEqual([]);
  });

  it("writes one JSON object per NDJSON line", async () => {
    const nd = await collect(exportChunks("ndjson", batches([event(1), event(2)])));
    expect(
      nd
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    ).toEqual(["1", "2"]);
  });
});
