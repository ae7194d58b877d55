import { apiRoute } from "@/lib/api/handler";
import { listRevisions as list, saveRevision as save } from "@/lib/api/routes/history";
import { listRevisions } from "@/lib/server/history";
import { saveRevision } from "@/lib/server/revisions";

// Edit history, newest first, keyset-paged on the revision number.
export const GET = apiRoute(list, async ({ params, query }) => listRevisions(params.id, query));

// Saving creates a revision on top of baseRevision; a stale base is a 409 with the current state.
export const POST = apiRoute(save, async ({ params, body, user, requestId, reply }) => {
  const res = await saveRevision({
    articleId: params.id,
    baseRevision: body.baseRevision,
    segments: body.segments,
    summary: body.summary,
    feedbackId: body.feedbackId,
    actor: user(),
    requestId,
  });
  return res.created ? reply(201, { revision: res.revision }) : { revision: res.revision };
});
