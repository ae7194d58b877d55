import { databaseMode } from "@/lib/env";
import { auditLogStatus, pingDatabase } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const database = databaseMode();
  try {
    await pingDatabase(3000);
    return Response.json(
      { ok: true, database, auditLog: auditLogStatus() },
      { headers: { "cache-control": "no-store" } },
    );
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
