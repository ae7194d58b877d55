import { STH_ALGORITHM, STH_FORMAT } from "@/lib/audit/sth";
import { logKey, NO_LOG_KEY } from "@/lib/server/log-key";

// The log's public key and formats, for watchdogs (issue 18). Outside /api/v1: a well-known
// location (RFC 8615) is found without reading the API's documentation.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const key = logKey();
  if (!key) {
    return Response.json(
      { error: "unavailable", message: NO_LOG_KEY },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
  return Response.json(
    { publicKey: key.publicKeyPem, algorithm: STH_ALGORITHM, sthFormat: STH_FORMAT },
    { headers: { "cache-control": "public, max-age=300" } },
  );
}
