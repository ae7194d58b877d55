import { describe, expect, it } from "vitest";
import { Prisma, rawPipeline, rawQuery } from "@/lib/db";

// What the feedback intake relies on (ADR 017): the statements run in order on one session,
// each in a transaction of its own, and a failing one neither stops nor leaks into the next.
describe("rawPipeline", () => {
  it("runs the statements in order on one session, each in its own transaction", async () => {
    const [set, read, first, second] = await rawPipeline([
      Prisma.sql`SELECT set_config('galley.pipeline_test', ${"seen"}, false) AS v`,
      Prisma.sql`SELECT current_setting('galley.pipeline_test', true) AS v`,
      Prisma.sql`SELECT pg_current_xact_id()::text AS x, pg_backend_pid() AS pid`,
      Prisma.sql`SELECT pg_current_xact_id()::text AS x, pg_backend_pid() AS pid`,
    ]);
    expect(set).toMatchObject({ status: "fulfilled", value: [{ v: "seen" }] });
    expect(read).toMatchObject({ status: "fulfilled", value: [{ v: "seen" }] });
    const [a, b] = [first!, second!].map((r) => (r.status === "fulfilled" ? r.value[0]! : null));
    expect(a!.pid).toBe(b!.pid);
    expect(a!.x).not.toBe(b!.x);
  });

  it("runs the statements after a failed one, without what the failed one set", async () => {
    const [failed, after] = await rawPipeline([
      Prisma.sql`SELECT set_config('galley.pipeline_test', ${"from-the-failed"}, false),
        1 / ${0}::int AS boom`,
      Prisma.sql`SELECT current_setting('galley.pipeline_test', true) AS v`,
    ]);
    expect(failed!.status).toBe("rejected");
    expect(after!.status).toBe("fulfilled");
    expect(after!.status === "fulfilled" && after!.value[0]!.v).not.toBe("from-the-failed");
    // The connection went back to the pool in a usable state.
    expect(await rawQuery<{ n: number }>(Prisma.sql`SELECT ${1}::int AS n`)).toEqual([{ n: 1 }]);
  });
});
