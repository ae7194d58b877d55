import { apiRoute } from "@/lib/api/handler";
import { dismissWarning as contract } from "@/lib/api/routes/quality";
import { dismissWarning } from "@/lib/server/checks";

// 201 when recorded, 200 when it was already dismissed, 404 when no such warning shows now.
export const POST = apiRoute(contract, async ({ params, body, user, requestId, reply }) => {
  const res = await dismissWarning({ ...body, articleId: params.id }, user(), requestId);
  return res.created ? reply(201, res) : res;
});
