import { apiRoute } from "@/lib/api/handler";
import { createComment as create, listComments as list } from "@/lib/api/routes/desk";
import { createComment, listComments } from "@/lib/server/comments";

export const GET = apiRoute(list, async ({ params }) => ({ items: await listComments(params.id) }));

export const POST = apiRoute(create, async ({ params, body, user, requestId, reply }) =>
  reply(201, await createComment({ ...body, articleId: params.id }, user(), requestId)),
);
