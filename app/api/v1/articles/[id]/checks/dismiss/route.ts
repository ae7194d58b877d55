import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { dismissWarningSchema } from "@/lib/api/schemas/quality";
import { dismissWarning } from "@/lib/server/checks";

// 201 when recorded, 200 when it was already dismissed, 404 when no such warning shows now.
export const POST = apiRoute<{ id: string }, typeof dismissWarningSchema>(
  { permission: "dismiss:qa", body: dismissWarningSchema },
  async ({ params, body, user, requestId }) => {
    const res = await dismissWarning({ ...body, articleId: params.id }, user(), requestId);
    return json(res, res.created ? 201 : 200);
  },
);
