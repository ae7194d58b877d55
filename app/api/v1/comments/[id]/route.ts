import { apiRoute } from "@/lib/api/handler";
import { updateComment as contract } from "@/lib/api/routes/desk";
import { resolveComment } from "@/lib/server/comments";

export const PATCH = apiRoute(contract, async ({ params, body, user, requestId }) =>
  resolveComment(params.id, body.resolved, user(), requestId),
);
