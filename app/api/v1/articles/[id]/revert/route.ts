import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { revertSchema } from "@/lib/api/schemas/history";
import { revertArticle } from "@/lib/server/revisions";

// Restores an old revision's text as a new revision on top of baseRevision.
// A stale base is a 409 with currentRevision, like any save.
export const POST = apiRoute<{ id: string }, typeof revertSchema>(
  { permission: "edit:revision", body: revertSchema },
  async ({ params, body, user, requestId }) => {
    const res = await revertArticle({
      articleId: params.id,
      to: body.to,
      baseRevision: body.baseRevision,
      reason: body.reason,
      actor: user(),
      requestId,
    });
    return json({ revision: res.revision, created: res.created }, res.created ? 201 : 200);
  },
);
