import { apiRoute } from "@/lib/api/handler";
import { revertArticle as contract } from "@/lib/api/routes/history";
import { revertArticle } from "@/lib/server/revisions";

// Restores an old revision's text as a new revision on top of baseRevision.
// A stale base is a 409 with currentRevision, like any save.
export const POST = apiRoute(contract, async ({ params, body, user, requestId, reply }) => {
  const res = await revertArticle({
    articleId: params.id,
    to: body.to,
    baseRevision: body.baseRevision,
    reason: body.reason,
    actor: user(),
    requestId,
  });
  const answer = { revision: res.revision, created: res.created };
  return res.created ? reply(201, answer) : answer;
});
