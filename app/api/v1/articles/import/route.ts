import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { IMPORT_DOCUMENT_MAX_BYTES } from "@/lib/api/schemas/interchange";
import { galleyArticleDocumentSchema } from "@/lib/formats/galley-json";
import { importArticleDocument } from "@/lib/server/import-article";

// Recreates an article from its Galley JSON export (GET /api/v1/articles/{id}/export?format=json).
export const POST = apiRoute(
  {
    permission: "ingest:article",
    body: galleyArticleDocumentSchema,
    maxBodyBytes: IMPORT_DOCUMENT_MAX_BYTES,
  },
  async ({ body, actor, requestId }) =>
    json(await importArticleDocument(body, actor, { requestId }), 201),
);
