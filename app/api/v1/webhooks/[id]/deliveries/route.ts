import { apiRoute } from "@/lib/api/handler";
import { listWebhookDeliveries as list } from "@/lib/api/routes/webhooks";
import { listDeliveries } from "@/lib/server/webhooks";

export const GET = apiRoute(list, async ({ params }) => ({
  items: await listDeliveries(params.id),
}));
