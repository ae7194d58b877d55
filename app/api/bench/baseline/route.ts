import { env } from "@/lib/env";
import { insertBenchBaseline } from "@/lib/server/bench-baseline";

export const dynamic = "force-dynamic";

// Baseline for bench/feedback-intake.ts: the least a write route can do with the same driver
// (read the body, insert one row). Off (404) unless GALLEY_BENCH_ROUTES=1; the table is created
// by the benchmark, not by migrations, so it never exists in a real database.
export async function POST(req: Request): Promise<Response> {
  if (!env().GALLEY_BENCH_ROUTES) {
    return Response.json({ error: "not_found", message: "Not found" }, { status: 404 });
  }
  const body = await req.text();
  await insertBenchBaseline(body);
  return Response.json({ ok: true }, { status: 201 });
}
