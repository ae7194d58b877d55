import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { listRevisionsQuerySchema } from "@/lib/api/schemas/history";
import { saveRevisionSchema } from "@/lib/api/schemas/revisions";
import { listRevisions } from "@/lib/server/history";
import { saveRevision } from "@/lib/server/revisions";

// Edit history, newest first, keyset-paged on the revision number.
export const GET = apiRoute<{ id: string }, undefined, typeof listRevisionsQuerySchema>(
  { permission: "read:article", query: listRevisionsQuerySchema },
  async ({ params, query }) => listRevisions(params.id, query),
);

// Saving creates a revision on top of baseRevision; a stale base is a 409 with the current state.
export const POST = apiRoute<{ id: string }, typeof saveRevisionSchema>(
  { permission: "edit:revision", body: saveRevisionSchema },
  async ({ params, body, user, requestId }) => {
    const res = await saveRevision({
      articleId: params.id,
      baseRevision: body.baseRevision,
      segments: body.segments,
      summary: body.summary,
      feedbackId: body.feedbackId,
      actor: user(),
      requestId,
    });
    return json({ revision: res.revision }, res.created ? 201 : 200);
  },
);
