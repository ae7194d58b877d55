import { apiRoute } from "@/lib/api/handler";
import { importArticle } from "@/lib/api/routes/interchange";
import { importArticleDocument } from "@/lib/server/import-article";

// Recreates an article from its Galley JSON export (GET /api/v1/articles/{id}/export?format=json).
export const POST = apiRoute(importArticle, async ({ body, actor, requestId, reply }) =>
  reply(201, await importArticleDocument(body, actor, { requestId })),
);
