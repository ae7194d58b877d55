import { apiRoute } from "@/lib/api/handler";
import { exportArticle as contract } from "@/lib/api/routes/interchange";
import { attachment, exportArticle } from "@/lib/server/export-formats";

export const GET = apiRoute(contract, async ({ params, query }) => {
  const file = await exportArticle(params.id, query.format);
  return new Response(file.body, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-disposition": attachment(file.filename),
      "cache-control": "no-store",
      // The HTML export is untrusted text; if a browser ever renders it, it runs nothing.
      "content-security-policy": "sandbox; default-src 'none'",
    },
  });
});
