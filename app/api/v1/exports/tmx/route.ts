import { apiRoute } from "@/lib/api/handler";
import { tmxExportQuerySchema } from "@/lib/api/schemas/interchange";
import { TMX_TYPE, attachment, streamApprovedTmx } from "@/lib/server/export-formats";

// Translation memory of every approved article matching the filters, streamed as it is read.
export const GET = apiRoute<Record<string, never>, undefined, typeof tmxExportQuerySchema>(
  { permission: "export:article", query: tmxExportQuerySchema },
  async ({ query }) => {
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
  },
);
