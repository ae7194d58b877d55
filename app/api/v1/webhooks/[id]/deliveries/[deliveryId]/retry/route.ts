import { apiRoute } from "@/lib/api/handler";
import { retryWebhookDelivery as retry } from "@/lib/api/routes/webhooks";
import { retryDelivery } from "@/lib/server/webhooks";

export const POST = apiRoute(retry, async ({ params, user, requestId, reply }) =>
  reply(202, await retryDelivery(params.id, params.deliveryId, user(), requestId)),
);
