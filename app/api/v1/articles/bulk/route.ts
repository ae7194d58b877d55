import { apiRoute } from "@/lib/api/handler";
import { bulkIngest as contract } from "@/lib/api/routes/articles";
import { assertContentType, assertDeclaredLength } from "@/lib/api/stream-body";
import { AppError } from "@/lib/errors";
import { NdjsonTooLarge, ndjsonLines } from "@/lib/ingest/ndjson";
import { INGEST_LIMITS } from "@/lib/ingest/schema";
import { emptySummary, importNdjsonLines } from "@/lib/server/bulk-import";

// The contract's body is `streamed`: apiRoute does not buffer the upload. The lines are read and
// ingested as they arrive, so memory holds a few lines, not the file.
export const POST = apiRoute(contract, async ({ req, actor, requestId }) => {
  assertContentType(req, contract.rawBody.contentTypes);
  assertDeclaredLength(req, contract.maxBodyBytes);
  const summary = emptySummary();
  if (!req.body) return summary;
  const lines = ndjsonLines(req.body, {
    maxLineBytes: INGEST_LIMITS.maxBodyBytes,
    maxTotalBytes: contract.maxBodyBytes,
  });
  try {
    await importNdjsonLines(lines, actor, { requestId, into: summary });
  } catch (err) {
    // A chunked upload without Content-Length can still run over: what was stored is reported.
    if (err instanceof NdjsonTooLarge) {
      throw new AppError("payload_too_large", err.message, { ...summary });
    }
    throw err;
  }
  return summary;
});
