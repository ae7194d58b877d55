import { apiRoute } from "@/lib/api/handler";
import { ingestArticle as ingest, listArticles as list } from "@/lib/api/routes/articles";
import { listArticles } from "@/lib/server/article-queue";
import { ingestArticle } from "@/lib/server/ingest";

export const GET = apiRoute(list, async ({ query, user }) => {
  const { assignee, ...rest } = query;
  return listArticles({ ...rest, assigneeId: assignee === "me" ? user().userId : undefined });
});

export const POST = apiRoute(ingest, async ({ body, actor, requestId, reply }) => {
  const res = await ingestArticle(body, actor, { requestId });
  return res.created ? reply(201, res.article) : res.article;
});
