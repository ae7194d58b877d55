import { describe, expect, it } from "vitest";
import { db, readAll, transaction } from "@/lib/db";

// A transaction's one connection runs one query at a time; readAll must not overlap its reads
// there (pg queues overlapping queries with a deprecation warning and refuses them from pg 9),
// and should overlap them on the pool.
function tracked<T>(log: string[], name: string, run: () => Promise<T>): () => Promise<T> {
  return async () => {
    log.push(`${name}:start`);
    const value = await run();
    log.push(`${name}:end`);
    return value;
  };
}

describe("readAll", () => {
  it("reads one after another inside a transaction, with each read's own result", async () => {
    const log: string[] = [];
    const [a, b] = await transaction((tx) =>
      readAll(tx, [
        tracked(log, "a", () => tx.$queryRaw<{ n: number }[]>`SELECT 1 AS n`),
        tracked(log, "b", () => tx.$queryRaw<{ n: number }[]>`SELECT 2 AS n`),
      ]),
    );
    expect(log).toEqual(["a:start", "a:end", "b:start", "b:end"]);
    expect([a[0]!.n, b[0]!.n]).toEqual([1, 2]);
  });

  it("starts every read at once on the pool", async () => {
    const log: string[] = [];
    await readAll(db(), [
      tracked(log, "a", () => db().$queryRaw`SELECT 1`),
      tracked(log, "b", () => db().$queryRaw`SELECT 2`),
    ]);
    expect(log.slice(0, 2)).toEqual(["a:start", "b:start"]);
  });
});
