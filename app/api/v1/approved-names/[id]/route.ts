import { apiRoute } from "@/lib/api/handler";
import { deleteApprovedName as remove } from "@/lib/api/routes/intel";
import { deleteApprovedName } from "@/lib/server/approved-names";

export const DELETE = apiRoute(remove, async ({ params, user, requestId }) => {
  await deleteApprovedName(params.id, user(), requestId);
  return { deleted: true as const, id: params.id };
});
