import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { listArticlesQuerySchema } from "@/lib/api/schemas/articles";
import { INGEST_LIMITS, ingestArticleSchema } from "@/lib/ingest/schema";
import { ingestArticle, listArticles } from "@/lib/server/articles";

export const GET = apiRoute(
  { permission: "read:article", query: listArticlesQuerySchema },
  async ({ query, user }) => {
    const { assignee, ...rest } = query;
    return listArticles({ ...rest, assigneeId: assignee === "me" ? user().userId : undefined });
  },
);

export const POST = apiRoute(
  {
    permission: "ingest:article",
    body: ingestArticleSchema,
    maxBodyBytes: INGEST_LIMITS.maxBodyBytes,
  },
  async ({ body, actor, requestId }) => {
    const res = await ingestArticle(body, actor, { requestId });
    return json(res.article, res.created ? 201 : 200);
  },
);
