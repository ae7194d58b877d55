import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { createCommentSchema } from "@/lib/api/schemas/desk";
import { createComment, listComments } from "@/lib/server/comments";

export const GET = apiRoute<{ id: string }>({ permission: "read:article" }, async ({ params }) => ({
  items: await listComments(params.id),
}));

// "@handle" mentions notify the users they name (lib/domain/mentions.ts).
export const POST = apiRoute<{ id: string }, typeof createCommentSchema>(
  { permission: "comment:article", body: createCommentSchema },
  async ({ params, body, user, requestId }) =>
    json(await createComment({ ...body, articleId: params.id }, user(), requestId), 201),
);
