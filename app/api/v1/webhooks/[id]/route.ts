import { apiRoute } from "@/lib/api/handler";
import { deleteWebhook as remove } from "@/lib/api/routes/webhooks";
import { deleteWebhook } from "@/lib/server/webhooks";

export const DELETE = apiRoute(remove, async ({ params, user, requestId }) => {
  await deleteWebhook(params.id, user(), requestId);
  return { deleted: true as const, id: params.id };
});
