import { apiRoute } from "@/lib/api/handler";
import { updateCommentSchema } from "@/lib/api/schemas/desk";
import { resolveComment } from "@/lib/server/comments";

// Resolves (or reopens) the comment's thread.
export const PATCH = apiRoute<{ id: string }, typeof updateCommentSchema>(
  { permission: "comment:article", body: updateCommentSchema },
  async ({ params, body, user, requestId }) =>
    resolveComment(params.id, body.resolved, user(), requestId),
);
