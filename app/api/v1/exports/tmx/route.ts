import { apiRoute } from "@/lib/api/handler";
import { exportTmx } from "@/lib/api/routes/interchange";
import { TMX_TYPE, attachment, streamApprovedTmx } from "@/lib/server/export-formats";

// Translation memory of every approved article matching the filters, streamed as it is read.
export const GET = apiRoute(exportTmx, async ({ query }) => {
  const name = ["galley", query.engine, new Date().toISOString().slice(0, 10)]
    .filter(Boolean)
    .join("-");
  return new Response(streamApprovedTmx(query), {
    status: 200,
    headers: {
      "content-type": TMX_TYPE,
      "content-disposition": attachment(`${name}.tmx`),
      "cache-control": "no-store",
    },
  });
});
