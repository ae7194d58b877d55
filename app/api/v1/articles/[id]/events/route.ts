import { apiRoute } from "@/lib/api/handler";
import { articleEvents } from "@/lib/api/routes/live";
import { openArticleStream } from "@/lib/server/live/article-stream";

export const GET = apiRoute(articleEvents, async ({ params, query, user, req }) => {
  const stream = await openArticleStream({
    articleId: params.id,
    user: user(),
    signal: req.signal,
    maxSeconds: query.maxSeconds,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next's gzip would otherwise buffer the stream.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
