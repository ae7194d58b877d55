import { apiRoute } from "@/lib/api/handler";
import { NDJSON_CONTENT_TYPES } from "@/lib/api/schemas/interchange";
import { assertContentType, assertDeclaredLength } from "@/lib/api/stream-body";
import { AppError } from "@/lib/errors";
import { NdjsonTooLarge, ndjsonLines } from "@/lib/ingest/ndjson";
import { INGEST_LIMITS } from "@/lib/ingest/schema";
import { BULK_LIMITS, emptySummary, importNdjsonLines } from "@/lib/server/bulk-import";

// No `body` option: apiRoute would buffer the whole upload. The lines are read and ingested as
// they arrive, so memory holds a few lines, not the file.
export const POST = apiRoute(
  { permission: "ingest:article" },
  async ({ req, actor, requestId }) => {
    assertContentType(req, NDJSON_CONTENT_TYPES);
    assertDeclaredLength(req, BULK_LIMITS.maxBodyBytes);
    const summary = emptySummary();
    if (!req.body) return summary;
    const lines = ndjsonLines(req.body, {
      maxLineBytes: INGEST_LIMITS.maxBodyBytes,
      maxTotalBytes: BULK_LIMITS.maxBodyBytes,
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
  },
);
