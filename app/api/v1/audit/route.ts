import { apiRoute } from "@/lib/api/handler";
import { listAudit } from "@/lib/api/routes/audit";
import { EXPORT_CONTENT_TYPE, exportChunks, streamFromChunks } from "@/lib/audit/export";
import { recordAudit } from "@/lib/server/audit";
import { auditEventBatches, listAuditEvents } from "@/lib/server/audit-log";

// Without `format`: one page of events, newest first, keyset cursor on id.
// With format=csv|json|ndjson: every matching event in chain order, streamed in
// keyset batches so an export never holds the whole log in memory.
export const GET = apiRoute(listAudit, async ({ query, actor, requestId }) => {
  const { limit, cursor, format, ...filter } = query;
  if (!format) return listAuditEvents(filter, { limit, cursor });
  // Who took a copy of the log is itself worth knowing.
  await recordAudit({
    actor,
    action: "audit.export",
    entityType: "audit",
    entityId: "log",
    data: { format, filter },
    requestId,
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  return new Response(streamFromChunks(exportChunks(format, auditEventBatches(filter))), {
    headers: {
      "content-type": EXPORT_CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="galley-audit-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
});
