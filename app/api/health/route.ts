import { db } from "@/lib/db";
import { databaseMode } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const database = databaseMode();
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("database did not answer within 3 s")), 3000),
      ),
    ]);
    return Response.json({ ok: true, database }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return Response.json(
      {
        ok: false,
        database,
        error: "unavailable",
        message: `Database unreachable: ${(err as Error).message}`,
      },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
    );
  }
}
