import { apiRoute } from "@/lib/api/handler";
import { deleteQaRule as remove, updateQaRule as update } from "@/lib/api/routes/intel";
import { deleteQaRule, updateQaRule } from "@/lib/server/qa-rules";

export const PATCH = apiRoute(update, async ({ params, body, user, requestId }) =>
  updateQaRule(params.id, body, user(), requestId),
);

export const DELETE = apiRoute(remove, async ({ params, user, requestId }) => {
  await deleteQaRule(params.id, user(), requestId);
  return { deleted: true as const, id: params.id };
});
