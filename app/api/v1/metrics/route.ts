import { apiRoute } from "@/lib/api/handler";
import { getMetrics } from "@/lib/api/routes/quality";
import { getEngineMetrics, metricsCsv } from "@/lib/server/metrics";

// Per-engine quality over a date range (definitions: lib/server/metrics.ts). The dashboard
// renders the same function's result.
export const GET = apiRoute(getMetrics, async ({ query }) => {
  const { format, ...range } = query;
  const result = await getEngineMetrics(range);
  if (format === "csv") {
    return new Response(metricsCsv(result), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="galley-metrics-${result.from.slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  return result;
});
